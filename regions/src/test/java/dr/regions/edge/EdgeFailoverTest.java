package dr.regions.edge;

import dr.core.model.StackSpec;
import dr.regions.cdn.DistributionStep;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.cloudfront.EdgeSimulator;
import dr.regions.inmemory.cloudfront.EdgeSimulator.EdgeResponse;
import dr.regions.inmemory.route53.EdgeFixture;
import dr.regions.topology.Tier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed guide's test, on the sandbox: the primary ALBs stop admitting HTTP/HTTPS from the internet; after the
 * health check's detection time Route 53 answers {@code api.<domain>} with the DR app ALB, and CloudFront serves
 * {@code /_dr/region} from the DR web origin, each request paying at most the origin's connection timeout.
 */
class EdgeFailoverTest {
    private static final String PRIMARY = "us-east-1";
    private static final String DR = "us-west-2";

    private final EdgeSandbox sandbox = new EdgeSandbox(EdgeSandbox.withDomain(PRIMARY, DR));

    private String apiAnswer() {
        return sandbox.cloud.route53().testDNSAnswer(r -> r.hostedZoneId(sandbox.zoneId())
                .recordName("api.example.com").recordType("A")).recordData().get(0);
    }

    private EdgeResponse app() {
        return new EdgeSimulator(sandbox.cloud.world()).get("app.example.com", "/_dr/region");
    }

    private static String dns(EdgeFixture.Alb alb) {
        return alb.dnsName().toLowerCase() + ".";
    }

    /** Revokes every rule of the ALB's security group that opens 80 or 443; returns them for the restore. */
    private static List<IpPermission> isolate(InMemoryCloud cloud, EdgeFixture.Alb alb) {
        var ec2 = cloud.ec2(alb.region());
        SecurityGroup group = ec2.describeSecurityGroups(r -> r.groupIds(alb.securityGroupId())).securityGroups()
                .get(0);
        List<IpPermission> web = group.ipPermissions().stream()
                .filter(p -> p.fromPort() != null && p.fromPort() <= 443 && p.toPort() >= 80).toList();
        ec2.revokeSecurityGroupIngress(r -> r.groupId(alb.securityGroupId()).ipPermissions(web));
        return web;
    }

    private void advance(Duration duration) {
        sandbox.cloud.world().clock().advance(duration);
    }

    @Test
    void withThePrimaryUnreachableApiAndAppAreServedFromTheDrRegion() {
        assertThat(sandbox.provision().failed()).isEmpty();
        EdgeFixture.Alb primaryApp = sandbox.alb(PRIMARY, Tier.APP);
        EdgeFixture.Alb drApp = sandbox.alb(DR, Tier.APP);
        assertThat(apiAnswer()).isEqualTo(dns(primaryApp));
        assertThat(app().body()).isEqualTo(PRIMARY);

        List<IpPermission> appRules = isolate(sandbox.cloud, primaryApp);
        isolate(sandbox.cloud, sandbox.alb(PRIMARY, Tier.WEB));
        Duration detection = EdgeSteps.detectionTime(sandbox.spec);
        StackSpec spec = sandbox.spec;
        Duration firstPossible = Duration.ofSeconds((long) spec.healthCheckIntervalSeconds()
                * (spec.healthCheckFailureThreshold() - 1)).minusSeconds(1);

        advance(firstPossible);
        assertThat(apiAnswer()).as("still the primary before threshold samples can have failed")
                .isEqualTo(dns(primaryApp));
        advance(detection.minus(firstPossible));
        assertThat(apiAnswer()).as("after interval x threshold").isEqualTo(dns(drApp));

        EdgeResponse served = app();
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(DR);
        assertThat(served.originId()).isEqualTo("web-" + DR);
        assertThat(served.elapsed()).as("one dead-origin attempt per request")
                .isEqualTo(EdgeSteps.worstCasePerRequest());

        sandbox.cloud.ec2(PRIMARY).authorizeSecurityGroupIngress(r -> r.groupId(primaryApp.securityGroupId())
                .ipPermissions(appRules));
        advance(detection);
        assertThat(apiAnswer()).as("failback once the check passes threshold times").isEqualTo(dns(primaryApp));
    }

    @Test
    void withoutADomainCloudFrontStillFailsOverOnItsOwnName() {
        EdgeSandbox plain = new EdgeSandbox(StackSpec.defaults(PRIMARY, DR));
        var result = plain.provision();
        assertThat(result.failed()).isEmpty();
        String domainName = result.outcome(DistributionStep.KEY).outputs().get("domainName");
        EdgeSimulator edge = new EdgeSimulator(plain.cloud.world());
        assertThat(edge.get(domainName, "/_dr/region").body()).isEqualTo(PRIMARY);
        isolate(plain.cloud, plain.alb(PRIMARY, Tier.WEB));
        EdgeResponse served = edge.get(domainName, "/_dr/region");
        assertThat(served.body()).isEqualTo(DR);
        assertThat(served.servedBy("web-" + DR)).isTrue();
    }
}
