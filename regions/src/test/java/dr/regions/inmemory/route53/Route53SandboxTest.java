package dr.regions.inmemory.route53;

import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.route53.EdgeFixture.Alb;
import dr.regions.inmemory.world.World;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class Route53SandboxTest {
    @Test
    void zonesRecordsHealthChecksAndTheirSamplesSurviveASaveAndLoad() {
        InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());
        Route53Client route53 = cloud.route53();
        Alb alb = EdgeFixture.alb(cloud, "us-east-1", "dr-app", 10);
        EdgeFixture.settle(cloud);
        String zone = EdgeFixture.publicZoneId(cloud, "example.com");
        String check = route53.createHealthCheck(r -> r.callerReference("hc").healthCheckConfig(c -> c.type("HTTP")
                .fullyQualifiedDomainName(alb.dnsName()).resourcePath("/_dr/region").requestInterval(10)
                .failureThreshold(2))).healthCheck().id();
        String changeId = route53.changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b.changes(
                c -> c.action(ChangeAction.CREATE).resourceRecordSet(ResourceRecordSet.builder()
                        .name("api.example.com").type("A").setIdentifier("primary").failover("PRIMARY")
                        .healthCheckId(check)
                        .aliasTarget(a -> a.hostedZoneId(alb.hostedZoneId()).dnsName(alb.dnsName())
                                .evaluateTargetHealth(true))
                        .build())))).changeInfo().id();
        EdgeFixture.revokeHttp(cloud, alb);
        cloud.world().clock().advance(Duration.ofSeconds(10));
        route53.listHealthChecks();

        String json = SandboxStore.toJson(cloud.world());
        World loaded = SandboxStore.fromJson(json);
        InMemoryCloud resumed = new InMemoryCloud(loaded);

        assertThat(SandboxStore.toJson(loaded)).isEqualTo(json);
        assertThat(resumed.route53().listResourceRecordSets(r -> r.hostedZoneId(zone)).resourceRecordSets())
                .isEqualTo(route53.listResourceRecordSets(r -> r.hostedZoneId(zone)).resourceRecordSets());
        resumed.world().clock().advance(Duration.ofSeconds(10));
        assertThat(resumed.route53().getChange(r -> r.id(changeId)).changeInfo().statusAsString())
                .isEqualTo("PENDING");
        assertThat(resumed.route53().getHealthCheckStatus(r -> r.healthCheckId(check)).healthCheckObservations())
                .as("the second failed sample after the load completes the threshold")
                .allSatisfy(o -> assertThat(o.statusReport().status()).startsWith("Failure"));
        resumed.world().clock().advance(Duration.ofMinutes(1));
        assertThat(resumed.route53().getChange(r -> r.id(changeId)).changeInfo().statusAsString())
                .isEqualTo("INSYNC");
    }
}
