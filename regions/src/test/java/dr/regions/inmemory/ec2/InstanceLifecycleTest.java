package dr.regions.inmemory.ec2;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceLifecycleTest extends Ec2TestSupport {
    private final String vpcId = vpc("10.10.0.0/16");
    private final String subnetId = subnet(vpcId, "10.10.8.0/24", "us-east-1b");
    private final String imageId = baseImage();

    @Test
    void anInstanceIsPendingThenRunningAfterTheModeledBootTime() {
        String web = securityGroup(vpcId, "web");
        String userData = Base64.getEncoder().encodeToString("#!/bin/bash\necho hi".getBytes(StandardCharsets.UTF_8));
        RunInstancesResponse response = ec2.runInstances(r -> r.imageId(imageId).instanceType("t3.micro")
                .subnetId(subnetId).securityGroupIds(web).userData(userData).minCount(1).maxCount(1)
                .iamInstanceProfile(p -> p.name("shop-web"))
                .tagSpecifications(tags("instance", "dr:role", "web")));
        Instance launched = response.instances().get(0);
        assertThat(response.reservationId()).startsWith("r-");
        assertThat(launched.state().nameAsString()).isEqualTo("pending");
        assertThat(launched.state().code()).isZero();
        assertThat(launched.privateIpAddress()).isEqualTo("10.10.8.4");
        assertThat(launched.placement().availabilityZone()).isEqualTo("us-east-1b");
        assertThat(launched.iamInstanceProfile().arn()).endsWith(":instance-profile/shop-web");
        assertThat(launched.publicIpAddress()).as("subnet does not map public IPs").isNull();

        advance(ModeledDurations.INSTANCE_BOOT);

        assertThat(instanceState(launched.instanceId())).isEqualTo("running");
        assertThat(ec2.describeInstances(r -> r.filters(filter("tag:dr:role", "web"),
                filter("instance-state-name", "running"))).reservations()).singleElement()
                .satisfies(reservation -> assertThat(reservation.instances().get(0).securityGroups().get(0).groupId())
                        .isEqualTo(web));
    }

    @Test
    void aTerminatedInstanceShutsDownThenStaysVisibleForAboutAnHour() {
        String instance = runInstance(imageId, subnetId);
        advance(ModeledDurations.INSTANCE_BOOT);

        InstanceStateChange change = ec2.terminateInstances(r -> r.instanceIds(instance)).terminatingInstances()
                .get(0);
        assertThat(change.previousState().nameAsString()).isEqualTo("running");
        assertThat(change.currentState().nameAsString()).isEqualTo("shutting-down");

        advance(ModeledDurations.INSTANCE_TERMINATE);
        assertThat(instanceState(instance)).isEqualTo("terminated");
        assertThat(ec2.describeInstances(r -> r.filters(filter("vpc-id", vpcId),
                filter("instance-state-name", "pending", "running"))).reservations()).isEmpty();

        advance(ModeledDurations.DELETED_STAYS_VISIBLE);
        assertThat(ec2.describeInstances(r -> { }).reservations()).isEmpty();
        assertEc2Error(() -> ec2.describeInstances(r -> r.instanceIds(instance)), "InvalidInstanceID.NotFound");
    }

    @Test
    void terminatingReleasesWhatTheInstanceUsedForOtherServices() {
        String instance = runInstance(imageId, subnetId);
        assertThat(world().dependencies.usersOf(subnetId)).containsExactly(instance);

        ec2.terminateInstances(r -> r.instanceIds(instance));

        assertThat(world().dependencies.inUse(subnetId)).isFalse();
    }

    @Test
    void theImageMustExistInThisRegion() {
        String otherRegionImage = cloud.ec2("eu-west-1").describeImages(r -> r.owners("amazon")).images().get(0)
                .imageId();

        assertEc2Error(() -> runInstance(otherRegionImage, subnetId), "InvalidAMIID.NotFound");
    }

    @Test
    void aPendingImageCannotBeRunUntilItIsAvailable() {
        String source = runInstance(imageId, subnetId);
        String golden = ec2.createImage(r -> r.instanceId(source).name("shop-web-golden")).imageId();

        assertEc2Error(() -> runInstance(golden, subnetId), "InvalidAMIID.Unavailable");

        advance(ModeledDurations.IMAGE_CREATE);
        assertThat(runInstance(golden, subnetId)).startsWith("i-");
    }

    @Test
    void aSubnetIsRequiredAsThereIsNoDefaultVpc() {
        assertEc2Error(() -> ec2.runInstances(r -> r.imageId(imageId).instanceType("t3.micro").minCount(1)
                .maxCount(1)), "VPCIdNotSpecified");
        assertEc2Error(() -> ec2.runInstances(r -> r.imageId(imageId).subnetId(subnetId)), "MissingParameter");
    }

    @Test
    void securityGroupsMustBelongToTheSubnetsVpc() {
        String foreign = securityGroup(vpc("10.20.0.0/16"), "web");

        assertEc2Error(() -> runInstance(imageId, subnetId, foreign), "InvalidParameter");
        assertEc2Error(() -> runInstance(imageId, subnetId, "sg-00000000000000000"), "InvalidGroup.NotFound");
    }

    @Test
    void anInstanceWithoutGroupsGetsTheVpcsDefaultGroup() {
        String instance = runInstance(imageId, subnetId);

        String defaultGroup = ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpcId),
                filter("group-name", "default"))).securityGroups().get(0).groupId();
        assertThat(ec2.describeInstances(r -> r.instanceIds(instance)).reservations().get(0).instances().get(0)
                .securityGroups()).singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(defaultGroup));
    }

    @Test
    void aNetworkInterfaceAndAnInstanceLevelSubnetCannotBeCombined() {
        assertEc2Error(() -> ec2.runInstances(r -> r.imageId(imageId).subnetId(subnetId).minCount(1).maxCount(1)
                .networkInterfaces(n -> n.deviceIndex(0).subnetId(subnetId))), "InvalidParameterCombination");

        assertThat(ec2.runInstances(r -> r.imageId(imageId).minCount(1).maxCount(1)
                .networkInterfaces(n -> n.deviceIndex(0).subnetId(subnetId))).instances().get(0).subnetId())
                .isEqualTo(subnetId);
    }

    @Test
    void userDataMustBeBase64() {
        assertEc2Error(() -> ec2.runInstances(r -> r.imageId(imageId).instanceType("t3.micro").subnetId(subnetId)
                .userData("not base64 !").minCount(1).maxCount(1)), "InvalidUserData.Malformed");
    }

    @Test
    void maxCountInstancesAreLaunchedInOneReservation() {
        RunInstancesResponse response = ec2.runInstances(r -> r.imageId(imageId).instanceType("t3.micro")
                .subnetId(subnetId).minCount(1).maxCount(3));

        assertThat(response.instances()).extracting(Instance::amiLaunchIndex).containsExactly(0, 1, 2);
        assertThat(ec2.describeInstances(r -> { }).reservations()).singleElement()
                .satisfies(res -> assertThat(res.instances()).hasSize(3));
    }

    @Test
    void aPublicSubnetGivesAPublicAddress() {
        ec2.modifySubnetAttribute(r -> r.subnetId(subnetId)
                .mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(true).build()));

        String instance = runInstance(imageId, subnetId);

        assertThat(ec2.describeInstances(r -> r.filters(filter("instance-id", instance))).reservations().get(0)
                .instances().get(0).publicIpAddress()).isNotNull();
    }

    @Test
    void aRetryWithTheSameClientTokenLaunchesNothingNew() {
        String first = ec2.runInstances(r -> r.imageId(imageId).instanceType("t3.micro").subnetId(subnetId)
                .minCount(1).maxCount(1).clientToken("launch-1")).instances().get(0).instanceId();

        String again = ec2.runInstances(r -> r.imageId(imageId).instanceType("t3.micro").subnetId(subnetId)
                .minCount(1).maxCount(1).clientToken("launch-1")).instances().get(0).instanceId();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void anInstanceIsLaunchedFromALaunchTemplateVersion() {
        String app = securityGroup(vpcId, "app");
        String userData = Base64.getEncoder().encodeToString("#!/bin/bash".getBytes(StandardCharsets.UTF_8));
        String templateId = ec2.createLaunchTemplate(r -> r.launchTemplateName("shop-app")
                .launchTemplateData(d -> d.imageId(imageId).instanceType("t3.small").securityGroupIds(app)
                        .userData(userData)
                        .tagSpecifications(t -> t.resourceType("instance").tags(x -> x.key("dr:role").value("app")))))
                .launchTemplate().launchTemplateId();

        Instance launched = ec2.runInstances(r -> r.launchTemplate(t -> t.launchTemplateId(templateId)
                .version("$Latest")).subnetId(subnetId).minCount(1).maxCount(1)).instances().get(0);

        assertThat(launched.instanceTypeAsString()).isEqualTo("t3.small");
        assertThat(launched.imageId()).isEqualTo(imageId);
        assertThat(launched.securityGroups()).singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(app));
        assertThat(launched.tags()).anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("dr:role=app"))
                .anySatisfy(t -> assertThat(t.key() + "=" + t.value())
                        .isEqualTo("aws:ec2launchtemplate:id=" + templateId));
        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(app)), "DependencyViolation");
    }

    @Test
    void terminatingAnUnknownInstanceIsRefused() {
        assertEc2Error(() -> ec2.terminateInstances(r -> r.instanceIds("i-00000000000000000")),
                "InvalidInstanceID.NotFound");
    }
}
