package dr.regions.drill;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alias record has no TTL of its own: Route 53 uses the alias target's, 60 s for a load balancer (Route 53 API
 * Reference, ResourceRecordSet, TTL: "omit TTL. Amazon Route 53 uses the value of TTL for the alias target" and "60
 * seconds (the TTL for load balancers)"); any other record has its own.
 */
class RecordTtlTest {
    @Test
    void anAliasToALoadBalancerHasTheLoadBalancersSixtySeconds() {
        ResourceRecordSet alias = ResourceRecordSet.builder().name("api.example.com.").type("A").failover("PRIMARY")
                .aliasTarget(a -> a.dnsName("dualstack.dr-alb-app-1.us-east-1.elb.amazonaws.com.")
                        .hostedZoneId("Z35SXDOTRQ7X7K").evaluateTargetHealth(true)).build();
        assertThat(RecordTtl.ttl(alias)).contains(60);
    }

    @Test
    void aPlainRecordHasItsOwnTtlAndAnAliasToSomethingElseIsNotKnown() {
        assertThat(RecordTtl.ttl(ResourceRecordSet.builder().name("api.example.com.").type("A").ttl(300L).build()))
                .contains(300);
        assertThat(RecordTtl.ttl(ResourceRecordSet.builder().name("api.example.com.").type("A")
                .aliasTarget(a -> a.dnsName("d111.cloudfront.net.")).build())).isEmpty();
    }
}
