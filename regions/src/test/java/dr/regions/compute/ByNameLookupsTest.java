package dr.regions.compute;

import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.route53.EdgeFixture;
import dr.regions.loadbalancing.LoadBalancers;
import dr.regions.step.Deleting;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The by-name lookups of the compute layer on the in-memory cloud: {@link AutoScalingGroups} (a group being deleted
 * is present only for callers that ask for it; the four former copies disagreed) and {@link LoadBalancers} (an
 * unknown name is an answer, not LoadBalancerNotFound).
 */
class ByNameLookupsTest {
    private static final String REGION = "us-east-1";

    private final InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());

    @Test
    void aLoadBalancerIsFoundByNameAndAnUnknownNameIsEmpty() {
        EdgeFixture.Alb alb = EdgeFixture.alb(cloud, REGION, "shop-alb-app", 10);

        assertThat(LoadBalancers.named(cloud.elb(REGION), "shop-alb-app")).map(LoadBalancer::loadBalancerArn)
                .contains(alb.arn());
        assertThat(LoadBalancers.named(cloud.elb(REGION), "shop-alb-web")).isEmpty();
    }

    @Test
    void aGroupBeingDeletedIsPresentOnlyForCallersThatAskForIt() {
        AutoScalingClient autoScaling = cloud.autoScaling(REGION);
        group(autoScaling, "shop-asg-web");
        for (Deleting view : Deleting.values()) {
            assertThat(AutoScalingGroups.named(autoScaling, "shop-asg-web", view)).as(view.name())
                    .hasValueSatisfying(group -> assertThat(group.status()).isNull());
        }

        autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("shop-asg-web").forceDelete(true));

        assertThat(AutoScalingGroups.named(autoScaling, "shop-asg-web", Deleting.PRESENT))
                .map(AutoScalingGroup::status).contains("Delete in progress");
        assertThat(AutoScalingGroups.named(autoScaling, "shop-asg-web", Deleting.ABSENT)).isEmpty();
        for (Deleting view : Deleting.values()) {
            assertThat(AutoScalingGroups.named(autoScaling, "shop-asg-app", view)).as(view.name()).isEmpty();
        }
    }

    private void group(AutoScalingClient autoScaling, String name) {
        Ec2Client ec2 = cloud.ec2(REGION);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.30.1.0/24").availabilityZone(REGION + "a"))
                .subnet().subnetId();
        String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        String template = ec2.createLaunchTemplate(r -> r.launchTemplateName(name + "-lt")
                .launchTemplateData(d -> d.imageId(image).instanceType("t3.micro"))).launchTemplate()
                .launchTemplateId();
        autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name)
                .launchTemplate(t -> t.launchTemplateId(template).version("$Latest"))
                .minSize(0).maxSize(1).desiredCapacity(0).vpcZoneIdentifier(a));
    }
}
