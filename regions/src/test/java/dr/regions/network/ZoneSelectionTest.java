package dr.regions.network;

import dr.core.DrException;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.core.model.Tags;
import dr.core.model.ZonePair;
import dr.core.report.ProvisionReport;
import dr.regions.provision.ProvisionFixture;
import dr.regions.step.RegionTarget;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * dr asks EC2 for the zones instead of assuming {@code <region>a} and {@code <region>b}: the sandbox account has no
 * us-west-1b, and its ap-northeast-2a does not offer t3.micro ({@code SandboxZones} cites where real accounts look
 * like this).
 */
class ZoneSelectionTest {
    private final ProvisionFixture fixture = new ProvisionFixture();

    @Test
    void aRegionWithoutABZoneAndAZoneWithoutTheInstanceTypeStillProvision() {
        StackSpec spec = StackSpec.defaults("us-west-1", "ap-northeast-2");

        ProvisionReport report = fixture.provision(spec);

        assertThat(report.result().failed()).as("failed steps").isEmpty();
        assertThat(zonesByRole("us-west-1")).containsEntry("subnet-public-a", "us-west-1a")
                .containsEntry("subnet-db-b", "us-west-1c").containsValues("us-west-1a", "us-west-1c")
                .doesNotContainValue("us-west-1b");
        assertThat(zonesByRole("ap-northeast-2")).containsEntry("subnet-web-a", "ap-northeast-2b")
                .containsEntry("subnet-app-b", "ap-northeast-2c").doesNotContainValue("ap-northeast-2a");
        for (Subnet subnet : subnets("ap-northeast-2")) {
            Map<String, String> tags = Ec2Tags.toMap(subnet.tags());
            assertThat(tags.get(Tags.AZ_SLOT)).as(tags.get(Tags.ROLE))
                    .isEqualTo(tags.get(Tags.ROLE).substring(tags.get(Tags.ROLE).length() - 1));
        }
        // RDS needs subnets in two zones; the ASGs launch in the chosen zones.
        DBSubnetGroup group = fixture.cloud().rds("us-west-1").describeDBSubnetGroups().dbSubnetGroups().get(0);
        assertThat(group.subnets()).extracting(s -> s.subnetAvailabilityZone().name())
                .containsExactlyInAnyOrder("us-west-1a", "us-west-1c");
        for (AutoScalingGroup asg : fixture.cloud().autoScaling("ap-northeast-2").describeAutoScalingGroups()
                .autoScalingGroups()) {
            assertThat(asg.availabilityZones()).containsExactlyInAnyOrder("ap-northeast-2b", "ap-northeast-2c");
        }
    }

    @Test
    void aReRunKeepsTheZonesTheStackAlreadyUses() {
        StackSpec spec = ProvisionFixture.defaultSpec();
        // A stack whose first run put slot a in us-east-1d (say, when us-east-1a was constrained): its VPC and web-a.
        var ec2 = fixture.cloud().ec2("us-east-1");
        RegionTarget target = new RegionTarget(spec, RegionRole.PRIMARY, fixture.cloud());
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.10.0.0/16").tagSpecifications(
                Ec2Tags.specification(ResourceType.VPC, target.tags(NetworkRoles.VPC)))).vpc().vpcId();
        ec2.createSubnet(r -> r.vpcId(vpcId).availabilityZone("us-east-1d")
                .cidrBlock(spec.cidrPlan(RegionRole.PRIMARY).subnet(dr.core.model.SubnetRole.WEB_A).toString())
                .tagSpecifications(Ec2Tags.specification(ResourceType.SUBNET, target.tags("subnet-web-a"))));

        assertThat(ZoneSelection.preview(target)).isEqualTo(new ZonePair("us-east-1d", "us-east-1a"));
        assertThat(fixture.provision(spec).result().failed()).isEmpty();
        assertThat(zonesByRole("us-east-1")).containsEntry("subnet-public-a", "us-east-1d")
                .containsEntry("subnet-db-a", "us-east-1d").containsEntry("subnet-public-b", "us-east-1a")
                .containsEntry("subnet-db-b", "us-east-1a");

        assertThat(fixture.provision(spec).result().failed()).isEmpty();
        assertThat(ZoneSelection.preview(target)).isEqualTo(new ZonePair("us-east-1d", "us-east-1a"));
    }

    @Test
    void localZonesAreNeverChosenEvenWhenTheySortFirst() {
        // us-east-1-bos-1a sorts before us-east-1a and offers t3.medium; it is a Local Zone, not an AZ.
        Map<String, Set<String>> zones = ZoneSelection.eligible(fixture.cloud().ec2("us-east-1"), Set.of("t3.medium"));

        assertThat(zones).doesNotContainKey("us-east-1-bos-1a").containsKey("us-east-1a");
        assertThat(zones.get("us-east-1e")).containsExactly("t3.medium");
    }

    @Test
    void aRegionWithoutTwoZonesForTheTypesFailsNamingWhatEachZoneLacks() {
        assertThatThrownBy(() -> ZoneSelection.lookUp(fixture.cloud().ec2("us-west-1"), "us-west-1", "dr",
                Set.of("t3.micro", "x9.large")))
                .isInstanceOf(DrException.class)
                .hasMessage("us-west-1 has no two availability zones that offer t3.micro and x9.large (us-west-1a "
                        + "lacks x9.large; us-west-1c lacks x9.large); choose other instance types "
                        + "(--web-instance-type, --app-instance-type) or another region");
    }

    private java.util.List<Subnet> subnets(String region) {
        return fixture.cloud().ec2(region).describeSubnets(r -> r.filters(
                Filter.builder().name("tag:dr:stack").values("dr").build())).subnets();
    }

    private Map<String, String> zonesByRole(String region) {
        Map<String, String> zones = new TreeMap<>();
        subnets(region).forEach(s -> zones.put(Ec2Tags.toMap(s.tags()).get(Tags.ROLE), s.availabilityZone()));
        return zones;
    }
}
