package dr.regions.inmemory.elb;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.world.World;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;

import java.nio.file.Files;
import java.nio.file.Path;

import static dr.regions.inmemory.elb.LoadBalancingFixture.assertAwsError;
import static dr.regions.inmemory.elb.LoadBalancingFixture.fixedResponse;
import static dr.regions.inmemory.elb.LoadBalancingFixture.forwardTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The load balancing and Auto Scaling state survives the sandbox file, and the loaded cloud carries on. */
class LoadBalancingSandboxRoundTripTest {
    private final LoadBalancingFixture fx = new LoadBalancingFixture();
    private final String lb;
    private final String tg;

    LoadBalancingSandboxRoundTripTest() {
        lb = fx.elb.createLoadBalancer(r -> r.name("shop-app").subnets(fx.publicA, fx.publicB)
                        .securityGroups(fx.albGroup).tags(t -> t.key("dr:stack").value("shop")))
                .loadBalancers().get(0).loadBalancerArn();
        tg = fx.targetGroup("shop-app");
        String certificate = fx.issuedCertificate(fx.region, "api.example.com");
        String https = fx.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTPS").port(443)
                .certificates(c -> c.certificateArn(certificate)).defaultActions(forwardTo(tg)))
                .listeners().get(0).listenerArn();
        fx.elb.createRule(r -> r.listenerArn(https).priority(1)
                .conditions(c -> c.field("path-pattern").values("/_dr/region"))
                .actions(fixedResponse(fx.region)));
        String template = fx.launchTemplate("shop-app");
        fx.autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName("shop-app")
                .launchTemplate(t -> t.launchTemplateId(template).version("$Latest"))
                .minSize(1).maxSize(3).desiredCapacity(3).vpcZoneIdentifier(fx.privateA + "," + fx.privateB)
                .targetGroupARNs(tg).healthCheckType("ELB")
                .tags(t -> t.key("dr:stack").value("shop").propagateAtLaunch(true)));
        fx.advance(ModeledDurations.ASG_INSTANCE_IN_SERVICE);
        fx.autoScaling.setDesiredCapacity(r -> r.autoScalingGroupName("shop-app").desiredCapacity(2));
    }

    @Test
    void aPopulatedWorldRoundTripsThroughJsonUnchanged() {
        String json = SandboxStore.toJson(fx.world());

        World loaded = SandboxStore.fromJson(json);

        assertThat(SandboxStore.toJson(loaded)).isEqualTo(json);
        assertThat(loaded.region(fx.region).elb.rules).hasSize(1);
        assertThat(loaded.region(fx.region).autoScaling.groups.get("shop-app").instances).hasSize(3);
    }

    @Test
    void theLoadedCloudContinuesWhereTheSavedOneStopped(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("sandbox.json");
        new SandboxStore(file).save(fx.world());
        assertThat(Files.size(file)).isPositive();

        InMemoryCloud resumed = new InMemoryCloud(new SandboxStore(file).load());
        ElasticLoadBalancingV2Client elb = resumed.elb(fx.region);
        AutoScalingClient autoScaling = resumed.autoScaling(fx.region);

        assertThat(elb.describeLoadBalancers(r -> r.loadBalancerArns(lb)).loadBalancers().get(0).state()
                .codeAsString()).isEqualTo("active");
        assertThat(autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames("shop-app"))
                .autoScalingGroups().get(0).instances()).extracting(Instance::lifecycleStateAsString)
                .containsExactly("Terminating", "InService", "InService");
        assertAwsError(() -> elb.deleteTargetGroup(r -> r.targetGroupArn(tg)), ResourceInUseException.class,
                "ResourceInUse");

        resumed.world().clock().advance(ModeledDurations.TARGET_HEALTHY.plusMinutes(10));
        assertThat(autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames("shop-app"))
                .autoScalingGroups().get(0).instances()).hasSize(2);
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions())
                .extracting(d -> d.targetHealth().stateAsString()).containsExactly("healthy", "healthy");
    }
}
