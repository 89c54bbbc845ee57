package dr.regions.inmemory.autoscaling;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.elb.LoadBalancingFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AlreadyExistsException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.ResourceInUseException;
import software.amazon.awssdk.services.autoscaling.model.ScalingActivityInProgressException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static dr.regions.inmemory.elb.LoadBalancingFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

class AutoScalingRulesTest {
    private final LoadBalancingFixture fx = new LoadBalancingFixture();

    private void create(Consumer<CreateAutoScalingGroupRequest.Builder> changes) {
        fx.autoScaling.createAutoScalingGroup(r -> {
            r.autoScalingGroupName("shop-app")
                    .launchTemplate(t -> t.launchTemplateName("shop-app"))
                    .minSize(1).maxSize(2).desiredCapacity(1)
                    .vpcZoneIdentifier(fx.privateA + "," + fx.privateB);
            changes.accept(r);
        });
    }

    private List<AutoScalingGroup> groups() {
        return fx.autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames("shop-app")).autoScalingGroups();
    }

    @Test
    void aLaunchTemplateThatDoesNotExistInThisRegionIsRefusedUntilItIsCreated() {
        assertAwsError(() -> create(r -> { }), AutoScalingException.class, "ValidationError");
        assertThat(groups()).isEmpty();

        fx.launchTemplate("shop-app");
        create(r -> { });
        assertThat(groups()).singleElement().satisfies(g -> {
            assertThat(g.launchTemplate().launchTemplateName()).isEqualTo("shop-app");
            assertThat(g.launchTemplate().version()).isEqualTo("$Default");
        });
    }

    @Test
    void capacitiesOutsideTheirBoundsAreRefused() {
        fx.launchTemplate("shop-app");

        assertAwsError(() -> create(r -> r.desiredCapacity(3)), AutoScalingException.class, "ValidationError");
        assertAwsError(() -> create(r -> r.minSize(3)), AutoScalingException.class, "ValidationError");

        create(r -> r.desiredCapacity(2));
        assertAwsError(() -> fx.autoScaling.setDesiredCapacity(r -> r.autoScalingGroupName("shop-app")
                .desiredCapacity(5)), AutoScalingException.class, "ValidationError");
        assertAwsError(() -> fx.autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("shop-app")
                .desiredCapacity(0)), AutoScalingException.class, "ValidationError");
        fx.autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("shop-app").maxSize(5).desiredCapacity(5));
        assertThat(groups().get(0).instances()).hasSize(5);
    }

    @Test
    void subnetsAndTargetGroupsMustExist() {
        fx.launchTemplate("shop-app");
        String targetGroup = fx.targetGroup("shop-app");

        assertAwsError(() -> create(r -> r.vpcZoneIdentifier(fx.privateA + ",subnet-0123456789abcdef0")),
                AutoScalingException.class, "ValidationError");
        assertAwsError(() -> create(r -> r.targetGroupARNs(targetGroup.replace("shop-app", "missing"))),
                AutoScalingException.class, "ValidationError");

        create(r -> r.targetGroupARNs(targetGroup));
        assertThat(groups().get(0).targetGroupARNs()).containsExactly(targetGroup);
    }

    @Test
    void aSecondGroupWithTheSameNameAlreadyExistsUntilTheFirstIsGone() {
        fx.launchTemplate("shop-app");
        create(r -> r.minSize(0).desiredCapacity(0));

        assertAwsError(() -> create(r -> { }), AlreadyExistsException.class, "AlreadyExists");

        fx.autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("shop-app"));
        assertThat(groups()).singleElement()
                .satisfies(g -> assertThat(g.status()).isEqualTo("Delete in progress"));
        fx.advance(ModeledDurations.ASG_DELETE);
        assertThat(groups()).isEmpty();
        create(r -> { });
        assertThat(groups()).hasSize(1);
    }

    @Test
    void aGroupWithInstancesInServiceIsNotDeletedWithoutForce() {
        fx.launchTemplate("shop-app");
        create(r -> { });
        fx.advance(ModeledDurations.ASG_INSTANCE_IN_SERVICE);

        assertAwsError(() -> fx.autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("shop-app")),
                ResourceInUseException.class, "ResourceInUse");

        fx.autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("shop-app").minSize(0).desiredCapacity(0));
        fx.advance(Duration.ofMinutes(10));
        fx.autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("shop-app"));
        fx.advance(ModeledDurations.ASG_DELETE);
        assertThat(groups()).isEmpty();
    }

    @Test
    void aGroupStillLaunchingIsNotDeletedWithoutForce() {
        fx.launchTemplate("shop-app");
        create(r -> { });

        assertAwsError(() -> fx.autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("shop-app")),
                ScalingActivityInProgressException.class, "ScalingActivityInProgress");

        fx.autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("shop-app").forceDelete(true));
        assertThat(groups().get(0).status()).isEqualTo("Delete in progress");
        assertAwsError(() -> fx.autoScaling.setDesiredCapacity(r -> r.autoScalingGroupName("shop-app")
                .desiredCapacity(1)), AutoScalingException.class, "ValidationError");
    }

    @Test
    void forceDeleteTerminatesTheInstancesDeregistersThemAndTheGroupGoesAway() {
        fx.launchTemplate("shop-app");
        String targetGroup = fx.targetGroup("shop-app");
        create(r -> r.targetGroupARNs(targetGroup).desiredCapacity(2));
        fx.advance(ModeledDurations.ASG_INSTANCE_IN_SERVICE);

        fx.autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("shop-app").forceDelete(true));

        AutoScalingGroup deleting = groups().get(0);
        assertThat(deleting.status()).isEqualTo("Delete in progress");
        assertThat(deleting.instances()).allSatisfy(i -> assertThat(i.lifecycleStateAsString()).isEqualTo("Terminating"));
        assertThat(fx.elb.describeTargetHealth(r -> r.targetGroupArn(targetGroup)).targetHealthDescriptions())
                .allSatisfy(t -> assertThat(t.targetHealth().stateAsString()).isEqualTo("draining"));
        fx.advance(Duration.ofSeconds(300).plus(ModeledDurations.INSTANCE_TERMINATE));
        assertThat(groups()).isEmpty();
        assertThat(fx.elb.describeTargetHealth(r -> r.targetGroupArn(targetGroup)).targetHealthDescriptions())
                .isEmpty();
        assertAwsError(() -> fx.autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("shop-app")),
                AutoScalingException.class, "ValidationError");
    }

    @Test
    void ec2RefusesToDeleteTheSecurityGroupAndSubnetOfLiveInstancesUntilTheyAreTerminated() {
        fx.launchTemplate("shop-app");
        create(r -> r.vpcZoneIdentifier(fx.privateA));
        fx.advance(ModeledDurations.ASG_INSTANCE_IN_SERVICE);
        fx.ec2.deleteLaunchTemplate(r -> r.launchTemplateName("shop-app"));

        assertAwsError(() -> fx.ec2.deleteSecurityGroup(r -> r.groupId(fx.webGroup)), Ec2Exception.class,
                "DependencyViolation");
        assertAwsError(() -> fx.ec2.deleteSubnet(r -> r.subnetId(fx.privateA)), Ec2Exception.class,
                "DependencyViolation");

        fx.autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("shop-app").forceDelete(true));
        fx.advance(ModeledDurations.INSTANCE_TERMINATE);
        fx.ec2.deleteSecurityGroup(r -> r.groupId(fx.webGroup));
        fx.ec2.deleteSubnet(r -> r.subnetId(fx.privateA));
    }

    @Test
    void aLaunchThatEc2RefusesIsAFailedActivityRetriedUntilItSucceeds() {
        String template = fx.launchTemplate("shop-app");
        String image = fx.ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(template)).launchTemplateVersions()
                .get(0).launchTemplateData().imageId();
        String other = fx.ec2.describeImages(r -> r.owners("amazon")).images().stream()
                .map(i -> i.imageId()).filter(id -> !id.equals(image)).findFirst().orElseThrow();
        fx.ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(template)
                .launchTemplateData(d -> d.imageId("ami-0123456789abcdef0").instanceType("t3.micro")));

        create(r -> r.launchTemplate(t -> t.launchTemplateId(template).version("$Latest")));

        assertThat(groups().get(0).instances()).isEmpty();
        assertThat(fx.autoScaling.describeScalingActivities(r -> r.autoScalingGroupName("shop-app")).activities())
                .singleElement().satisfies(a -> {
                    assertThat(a.statusCodeAsString()).isEqualTo("Failed");
                    assertThat(a.statusMessage()).endsWith("Launching EC2 instance failed.");
                });

        fx.ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(template)
                .launchTemplateData(d -> d.imageId(other).instanceType("t3.micro")));
        fx.advance(ModeledDurations.ASG_LAUNCH_RETRY);
        assertThat(groups().get(0).instances()).singleElement()
                .satisfies(i -> assertThat(i.launchTemplate().version()).isEqualTo("3"));
    }

    @Test
    void anUnknownGroupIsAValidationError() {
        assertAwsError(() -> fx.autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("nope").minSize(1)),
                AutoScalingException.class, "ValidationError");
        assertAwsError(() -> fx.autoScaling.setDesiredCapacity(r -> r.autoScalingGroupName("nope").desiredCapacity(1)),
                AutoScalingException.class, "ValidationError");
        assertThat(fx.autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames("nope")).autoScalingGroups())
                .isEmpty();
    }
}
