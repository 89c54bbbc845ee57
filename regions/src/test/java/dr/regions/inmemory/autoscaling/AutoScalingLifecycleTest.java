package dr.regions.inmemory.autoscaling;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.elb.LoadBalancingFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AutoScalingLifecycleTest {
    private final LoadBalancingFixture fx = new LoadBalancingFixture();
    private final String template = fx.launchTemplate("shop-web");
    private final String targetGroup = fx.targetGroup("shop-web");

    private void createGroup(int min, int max, int desired) {
        fx.autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName("shop-web")
                .launchTemplate(t -> t.launchTemplateId(template).version("$Latest"))
                .minSize(min).maxSize(max).desiredCapacity(desired)
                .vpcZoneIdentifier(fx.privateA + "," + fx.privateB)
                .targetGroupARNs(targetGroup)
                .healthCheckType("ELB").healthCheckGracePeriod(300)
                .tags(t -> t.key("dr:stack").value("shop").propagateAtLaunch(true)));
    }

    private AutoScalingGroup group() {
        return fx.autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames("shop-web"))
                .autoScalingGroups().get(0);
    }

    private List<String> lifecycleStates() {
        return group().instances().stream().map(Instance::lifecycleStateAsString).toList();
    }

    private List<String> registeredTargets() {
        return fx.elb.describeTargetHealth(r -> r.targetGroupArn(targetGroup)).targetHealthDescriptions().stream()
                .map(d -> d.target().id() + "=" + d.targetHealth().stateAsString()).toList();
    }

    @Test
    void instancesLaunchAtOnceSpreadOverTheZonesAndGoFromPendingToInService() {
        createGroup(1, 4, 2);

        AutoScalingGroup group = group();
        assertThat(group.autoScalingGroupARN()).matches(
                "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName/shop-web");
        assertThat(group.instances()).hasSize(2).allSatisfy(i -> {
            assertThat(i.instanceId()).matches("i-[0-9a-f]{17}");
            assertThat(i.lifecycleStateAsString()).isEqualTo("Pending");
            assertThat(i.launchTemplate().launchTemplateId()).isEqualTo(template);
            assertThat(i.launchTemplate().version()).isEqualTo("1");
        });
        assertThat(group.instances()).extracting(Instance::availabilityZone)
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1b");
        assertThat(group.launchTemplate().version()).isEqualTo("$Latest");
        assertThat(group.vpcZoneIdentifier()).isEqualTo(fx.privateA + "," + fx.privateB);

        fx.advance(ModeledDurations.ASG_INSTANCE_IN_SERVICE.minusSeconds(1));
        assertThat(lifecycleStates()).containsOnly("Pending");
        fx.advance(Duration.ofSeconds(1));
        assertThat(lifecycleStates()).containsOnly("InService");
    }

    @Test
    void instancesAreEc2InstancesOfTheTemplateInTheGroupsSubnetsWithThePropagatedTags() {
        createGroup(1, 4, 2);
        List<String> ids = group().instances().stream().map(Instance::instanceId).toList();

        List<software.amazon.awssdk.services.ec2.model.Instance> instances =
                fx.ec2.describeInstances(r -> r.instanceIds(ids)).reservations().stream()
                        .flatMap(reservation -> reservation.instances().stream()).toList();

        assertThat(instances).hasSize(2).allSatisfy(i -> {
            assertThat(i.subnetId()).isIn(fx.privateA, fx.privateB);
            assertThat(i.securityGroups()).extracting(g -> g.groupId()).containsExactly(fx.webGroup);
            assertThat(i.tags()).anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("dr:stack=shop"));
        });
    }

    @Test
    void instancesAreRegisteredInTheTargetGroupsAtLaunch() {
        createGroup(1, 4, 2);

        List<String> ids = group().instances().stream().map(Instance::instanceId).toList();
        List<TargetHealthDescription> targets = fx.elb.describeTargetHealth(r -> r.targetGroupArn(targetGroup))
                .targetHealthDescriptions();
        assertThat(targets).extracting(t -> t.target().id()).containsExactlyElementsOf(ids);
        assertThat(targets).allSatisfy(t -> assertThat(t.target().port()).isEqualTo(80));
    }

    @Test
    void scalingOutLaunchesAndScalingInDrainsThenTerminates() {
        createGroup(1, 4, 1);
        fx.advance(ModeledDurations.ASG_INSTANCE_IN_SERVICE);
        String first = group().instances().get(0).instanceId();

        fx.autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("shop-web").desiredCapacity(3));
        assertThat(lifecycleStates()).containsExactly("InService", "Pending", "Pending");
        assertThat(group().instances()).extracting(Instance::availabilityZone)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1a");
        fx.advance(ModeledDurations.ASG_INSTANCE_IN_SERVICE);

        fx.autoScaling.setDesiredCapacity(r -> r.autoScalingGroupName("shop-web").desiredCapacity(2));
        AutoScalingGroup scaledIn = group();
        assertThat(scaledIn.desiredCapacity()).isEqualTo(2);
        Instance terminating = scaledIn.instances().stream()
                .filter(i -> i.lifecycleStateAsString().equals("Terminating")).findFirst().orElseThrow();
        assertThat(terminating.instanceId()).as("oldest in the crowded zone").isEqualTo(first);
        assertThat(registeredTargets()).contains(first + "=draining");

        Duration draining = Duration.ofSeconds(300);
        fx.advance(draining.plus(ModeledDurations.INSTANCE_TERMINATE).minusSeconds(1));
        assertThat(group().instances()).hasSize(3);
        fx.advance(Duration.ofSeconds(1));
        assertThat(group().instances()).hasSize(2).extracting(Instance::instanceId).doesNotContain(first);
        assertThat(registeredTargets()).noneMatch(t -> t.startsWith(first));
        assertThat(fx.ec2.describeInstances(r -> r.instanceIds(first)).reservations())
                .flatExtracting(Reservation::instances)
                .allSatisfy(i -> assertThat(i.state().nameAsString()).isEqualTo("terminated"));
    }

    @Test
    void aNewMinimumAboveTheDesiredCapacityRaisesIt() {
        createGroup(1, 4, 1);

        fx.autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("shop-web").minSize(3));

        assertThat(group().desiredCapacity()).isEqualTo(3);
        assertThat(group().instances()).hasSize(3);
        fx.autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("shop-web").minSize(0).maxSize(1));
        assertThat(group().desiredCapacity()).isEqualTo(1);
    }

    @Test
    void everyLaunchAndTerminationIsAScalingActivityNewestFirst() {
        createGroup(0, 2, 1);
        fx.advance(ModeledDurations.ASG_INSTANCE_IN_SERVICE.minusSeconds(10));
        fx.autoScaling.setDesiredCapacity(r -> r.autoScalingGroupName("shop-web").desiredCapacity(0));

        List<Activity> activities = fx.autoScaling.describeScalingActivities(r -> r.autoScalingGroupName("shop-web"))
                .activities();

        assertThat(activities).extracting(Activity::description)
                .allSatisfy(d -> assertThat(d).matches("(Terminating|Launching a new) EC2 instance: i-[0-9a-f]{17}"));
        assertThat(activities.get(0).description()).startsWith("Terminating");
        assertThat(activities.get(0).statusCodeAsString()).isEqualTo("InProgress");
        assertThat(activities.get(1).statusCodeAsString()).isEqualTo("InProgress");
        fx.advance(Duration.ofSeconds(10));
        assertThat(fx.autoScaling.describeScalingActivities(r -> r.autoScalingGroupName("shop-web")).activities()
                .get(1).statusCodeAsString()).isEqualTo("Successful");
    }

    @Test
    void describeAutoScalingInstancesFindsInstancesById() {
        createGroup(1, 4, 2);
        String id = group().instances().get(1).instanceId();

        var details = fx.autoScaling.describeAutoScalingInstances(r -> r.instanceIds(id)).autoScalingInstances();

        assertThat(details).singleElement().satisfies(d -> {
            assertThat(d.autoScalingGroupName()).isEqualTo("shop-web");
            assertThat(d.lifecycleState()).isEqualTo("Pending");
            assertThat(d.healthStatus()).isEqualTo("HEALTHY");
        });
        assertThat(fx.autoScaling.describeAutoScalingInstances(r -> { }).autoScalingInstances()).hasSize(2);
    }

    @Test
    void underEventualConsistencyAFreshGroupIsMissedOnceByNameWhileItsOwnLaunchesStillWork() {
        fx.world().faults().eventualConsistency(true);
        String freshTemplate = fx.launchTemplate("shop-fresh");
        String freshTargetGroup = fx.targetGroup("shop-fresh");

        fx.autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName("shop-fresh")
                .launchTemplate(t -> t.launchTemplateId(freshTemplate)).minSize(1).maxSize(2)
                .vpcZoneIdentifier(fx.privateA + "," + fx.privateB).targetGroupARNs(freshTargetGroup));

        assertThat(fx.autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames("shop-fresh"))
                .autoScalingGroups()).isEmpty();
        assertThat(fx.autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames("shop-fresh"))
                .autoScalingGroups().get(0).instances()).hasSize(1);
        assertThat(fx.elb.describeTargetHealth(r -> r.targetGroupArn(freshTargetGroup)).targetHealthDescriptions())
                .hasSize(1);
    }
}
