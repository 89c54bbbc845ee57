package dr.regions.compute;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.StepKey;
import dr.core.model.Capacity;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.images.UserData;
import dr.regions.topology.Tier;
import dr.regions.loadbalancing.TiersFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComputeStepsTest {
    private final TiersFixture fixture = new TiersFixture();

    private LaunchTemplateVersion defaultVersion(String region, Tier tier) {
        return fixture.ec2(region).describeLaunchTemplateVersions(r -> r.launchTemplateName("dr-lt-" + tier.role())
                .versions("$Default")).launchTemplateVersions().get(0);
    }

    private String outputOf(ExecutionResult result, String region, String role) {
        return result.outcome(StepKey.of(region, role)).outputs().get("id");
    }

    private static String tag(List<Tag> tags, String key) {
        return tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse(null);
    }

    @Nested
    class DefaultSpec {
        private final ExecutionResult result = fixture.provision(TiersFixture.spec());

        @Test
        void groupsAreSizedFromTheSpecWithDrAtWarmStandbyCapacity() {
            assertThat(result.failed()).as("failed steps").isEmpty();
            StackSpec spec = TiersFixture.spec();
            for (Tier tier : Tier.values()) {
                assertSized(fixture.group(TiersFixture.PRIMARY, tier), spec.primaryCapacity());
                assertSized(fixture.group(TiersFixture.DR, tier), spec.drCapacity());
            }
            assertThat(spec.drCapacity().desired()).as("the default warm standby").isLessThan(
                    spec.primaryCapacity().desired());
        }

        private void assertSized(AutoScalingGroup group, Capacity capacity) {
            assertThat(group.minSize()).isEqualTo(capacity.min());
            assertThat(group.desiredCapacity()).isEqualTo(capacity.desired());
            assertThat(group.maxSize()).isEqualTo(capacity.max());
            assertThat(group.instances()).as("InService when provisioning ends").hasSize(capacity.desired())
                    .allSatisfy(i -> assertThat(i.lifecycleStateAsString()).isEqualTo("InService"));
        }

        @Test
        void groupsRunInTheTierSubnetsBehindTheTierTargetGroupWithElbHealthChecks() {
            for (String region : TiersFixture.REGIONS) {
                for (Tier tier : Tier.values()) {
                    AutoScalingGroup group = fixture.group(region, tier);
                    List<String> subnetRoles = fixture.ec2(region).describeSubnets(r -> r.subnetIds(
                                    group.vpcZoneIdentifier().split(","))).subnets().stream()
                            .map(s -> tag(s.tags(), "dr:role")).toList();
                    assertThat(subnetRoles).containsExactlyInAnyOrder("subnet-" + tier.role() + "-a",
                            "subnet-" + tier.role() + "-b");
                    assertThat(group.targetGroupARNs()).containsExactly(
                            fixture.targetGroup(region, tier).targetGroupArn());
                    assertThat(group.healthCheckType()).isEqualTo("ELB");
                    assertThat(group.healthCheckGracePeriod()).isPositive();
                    assertThat(group.launchTemplate().launchTemplateId())
                            .isEqualTo(outputOf(result, region, "lt-" + tier.role()));
                    assertThat(group.launchTemplate().version()).isEqualTo("$Default");
                }
            }
        }

        @Test
        void launchTemplatesUseTheRegionsImageAndTheTierGroupAndRequireImdsv2() {
            for (String region : TiersFixture.REGIONS) {
                for (Tier tier : Tier.values()) {
                    ResponseLaunchTemplateData data = defaultVersion(region, tier).launchTemplateData();
                    assertThat(data.imageId()).isEqualTo(outputOf(result, region, "image-" + tier.role()));
                    assertThat(data.metadataOptions().httpTokensAsString()).isEqualTo("required");
                    assertThat(data.instanceTypeAsString()).isEqualTo("t3.micro");
                    assertThat(data.securityGroupIds()).containsExactly(outputOf(result, region, "sg-" + tier.role()));
                    assertThat(new String(Base64.getDecoder().decode(data.userData()), StandardCharsets.UTF_8))
                            .startsWith("#!/bin/bash").isEqualTo(UserData.boot(tier, region, tier == Tier.WEB
                                    ? fixture.loadBalancer(region, Tier.APP).dnsName()
                                    : TiersFixture.spec().dbRecordName()));
                }
            }
            assertThat(outputOf(result, TiersFixture.PRIMARY, "image-web"))
                    .as("each region launches its own region's image")
                    .isNotEqualTo(outputOf(result, TiersFixture.DR, "image-web"));
        }

        @Test
        void instancesAreTaggedAsTheirTierAndStack() {
            for (String region : TiersFixture.REGIONS) {
                List<Instance> instances = fixture.liveInstances(region);
                RegionRole role = region.equals(TiersFixture.PRIMARY) ? RegionRole.PRIMARY : RegionRole.DR;
                assertThat(instances).as("web and app instances").hasSize(
                        2 * TiersFixture.spec().capacity(role).desired());
                assertThat(instances).allSatisfy(i -> {
                    assertThat(tag(i.tags(), "dr:stack")).isEqualTo("dr");
                    assertThat(tag(i.tags(), "dr:role")).isIn("web", "app");
                    assertThat(tag(i.tags(), "Name")).isEqualTo("dr-" + tag(i.tags(), "dr:role"));
                    assertThat(tag(i.tags(), "dr:region-role")).isEqualTo(role.tagValue());
                });
            }
        }

        @Test
        void instancesRunInPrivateSubnetsOnly() {
            List<String> privateSubnets = fixture.ec2(TiersFixture.PRIMARY).describeSubnets().subnets().stream()
                    .filter(s -> !Boolean.TRUE.equals(s.mapPublicIpOnLaunch())).map(Subnet::subnetId).toList();
            assertThat(fixture.liveInstances(TiersFixture.PRIMARY)).allSatisfy(i ->
                    assertThat(privateSubnets).contains(i.subnetId()));
        }

        @Test
        void theGroupTagsDescribeTheGroupAndPropagateTheStackTags() {
            List<TagDescription> tags = fixture.group(TiersFixture.DR, Tier.WEB).tags();
            assertThat(tags).anySatisfy(t -> {
                assertThat(t.key()).isEqualTo("dr:role");
                assertThat(t.value()).isEqualTo("asg-web");
                assertThat(t.propagateAtLaunch()).isFalse();
            });
            assertThat(tags).anySatisfy(t -> {
                assertThat(t.key()).isEqualTo("dr:stack");
                assertThat(t.propagateAtLaunch()).isTrue();
            });
        }
    }

    @Test
    void aNewInstanceTypeBecomesANewDefaultLaunchTemplateVersion() {
        fixture.provision(TiersFixture.spec());
        StackSpec bigger = TiersFixture.withInstanceTypes(TiersFixture.spec(), "t3.small", "t3.micro");

        ExecutionResult second = fixture.provision(bigger);

        for (String region : TiersFixture.REGIONS) {
            assertThat(second.outcome(StepKey.of(region, "lt-web")).action()).isEqualTo(Action.UPDATE);
            assertThat(second.outcome(StepKey.of(region, "lt-app")).action()).isEqualTo(Action.KEEP);
            LaunchTemplateVersion version = defaultVersion(region, Tier.WEB);
            assertThat(version.versionNumber()).isEqualTo(2L);
            assertThat(version.launchTemplateData().instanceTypeAsString()).isEqualTo("t3.small");
            assertThat(version.launchTemplateData().metadataOptions().httpTokensAsString()).isEqualTo("required");
        }
        long mutating = fixture.cloud().world().calls().mutating();
        assertThat(fixture.provision(bigger).outcomes()).allSatisfy(o -> assertThat(o.action()).isEqualTo(Action.KEEP));
        assertThat(fixture.cloud().world().calls().mutating()).isEqualTo(mutating);
    }

    @Test
    void aCapacityChangedByHandIsSetBackToTheSpec() {
        fixture.provision(TiersFixture.spec());
        fixture.autoScaling(TiersFixture.DR).setDesiredCapacity(r -> r.autoScalingGroupName("dr-asg-app")
                .desiredCapacity(3));

        ExecutionResult second = fixture.provision(TiersFixture.spec());

        assertThat(second.outcome(StepKey.of(TiersFixture.DR, "asg-app")).action()).isEqualTo(Action.UPDATE);
        assertThat(fixture.group(TiersFixture.DR, Tier.APP).desiredCapacity())
                .isEqualTo(TiersFixture.spec().drCapacity().desired());
    }

    @Test
    void aLargerCapacityInTheSpecScalesTheGroupsUpAndWaitsForTheNewInstances() {
        fixture.provision(TiersFixture.spec());
        StackSpec spec = TiersFixture.spec();
        StackSpec larger = TiersFixture.withCapacities(spec, spec.primaryCapacity(), spec.primaryCapacity());

        ExecutionResult second = fixture.provision(larger);

        assertThat(second.outcome(StepKey.of(TiersFixture.DR, "asg-web")).action()).isEqualTo(Action.UPDATE);
        assertThat(fixture.group(TiersFixture.DR, Tier.WEB).instances())
                .filteredOn(i -> i.lifecycleStateAsString().equals("InService"))
                .hasSize(spec.primaryCapacity().desired());
    }
}
