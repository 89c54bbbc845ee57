package dr.regions.dns;

import dr.core.model.StackSpec;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ApiRecords}, the one lookup of the {@code api.<domain>} failover pair, on the in-memory cloud (whose sandbox
 * account owns the public zone {@code example.com}): by the stack's set identifiers, by domain or by zone, whatever
 * the records point at.
 */
class ApiRecordsTest {
    private static final String DOMAIN = SandboxAccount.PUBLIC_DOMAIN;

    private final InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());
    private final Route53Client route53 = cloud.route53();
    private final String zone = HostedZones.publicZone(route53, DOMAIN).orElseThrow().id();
    private final StackSpec shop = StackSpec.defaults("us-east-1", "us-west-2");

    @Test
    void findsTheStacksPairByDomain() {
        put("api." + DOMAIN, ApiRecords.setIdentifier(shop.stack(), true), "PRIMARY", "192.0.2.10");
        put("api." + DOMAIN, ApiRecords.setIdentifier(shop.stack(), false), "SECONDARY", "192.0.2.20");
        put("api.other." + DOMAIN, ApiRecords.setIdentifier("other", true), "PRIMARY", "192.0.2.30");

        ApiRecords records = ApiRecords.find(route53, shop, DOMAIN).orElseThrow();

        assertThat(records.zoneId()).isEqualTo(zone);
        assertThat(records.name()).isEqualTo("api.example.com.");
        assertThat(value(records.primary())).isEqualTo("192.0.2.10");
        assertThat(value(records.secondary())).isEqualTo("192.0.2.20");
    }

    @Test
    void theZoneLookupFindsEachStacksPairWithoutKnowingItsName() {
        put("api." + DOMAIN, ApiRecords.setIdentifier(shop.stack(), true), "PRIMARY", "192.0.2.10");
        put("api." + DOMAIN, ApiRecords.setIdentifier(shop.stack(), false), "SECONDARY", "192.0.2.20");
        put("api.other." + DOMAIN, ApiRecords.setIdentifier("other", true), "PRIMARY", "192.0.2.30");

        assertThat(ApiRecords.inZone(route53, zone, shop.stack())).contains(ApiRecords.find(route53, shop, DOMAIN)
                .orElseThrow());
        ApiRecords other = ApiRecords.inZone(route53, zone, "other").orElseThrow();
        assertThat(other.name()).isEqualTo("api.other.example.com.");
        assertThat(value(other.primary())).isEqualTo("192.0.2.30");
        assertThat(other.secondary()).isEmpty();
    }

    @Test
    void aFencedPairIsFoundByItsIdentifiersThoughBothRecordsNameDrWithoutAHealthCheck() {
        put("api." + DOMAIN, ApiRecords.setIdentifier(shop.stack(), true), "PRIMARY", "192.0.2.20");
        put("api." + DOMAIN, ApiRecords.setIdentifier(shop.stack(), false), "SECONDARY", "192.0.2.20");

        ApiRecords records = ApiRecords.inZone(route53, zone, shop.stack()).orElseThrow();

        assertThat(records.primary().orElseThrow().healthCheckId()).isNull();
        assertThat(value(records.primary())).isEqualTo(value(records.secondary()));
    }

    @Test
    void noPairIsAnAnswer() {
        assertThat(ApiRecords.inZone(route53, zone, shop.stack())).isEmpty();
        ApiRecords none = ApiRecords.find(route53, shop, DOMAIN).orElseThrow();
        assertThat(none.primary()).isEmpty();
        assertThat(none.secondary()).isEmpty();
        assertThat(ApiRecords.find(route53, shop, "no-zone-here.example")).isEmpty();
    }

    @Test
    void loadBalancerNamesCompareWithoutCaseTrailingDotOrDualstackPrefix() {
        assertThat(DnsNames.bare("dualstack.Shop-App-1.us-east-1.elb.amazonaws.com."))
                .isEqualTo(DnsNames.bare("shop-app-1.us-east-1.elb.amazonaws.com"))
                .isEqualTo("shop-app-1.us-east-1.elb.amazonaws.com");
        assertThat(DnsNames.bare(null)).isEmpty();
    }

    private void put(String name, String setIdentifier, String failover, String address) {
        ResourceRecordSet set = ResourceRecordSet.builder().name(name).type("A").ttl(60L)
                .setIdentifier(setIdentifier).failover(failover).resourceRecords(r -> r.value(address)).build();
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zone)
                .changeBatch(b -> b.changes(c -> c.action(ChangeAction.UPSERT).resourceRecordSet(set))));
    }

    private static String value(Optional<ResourceRecordSet> set) {
        return set.orElseThrow().resourceRecords().get(0).value();
    }
}
