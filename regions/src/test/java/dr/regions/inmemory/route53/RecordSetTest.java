package dr.regions.inmemory.route53;

import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.NoSuchChangeException;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordSetTest {
    private InMemoryCloud cloud;
    private Route53Client route53;
    private String zoneId;

    @BeforeEach
    void aPublicZone() {
        cloud = new InMemoryCloud(SandboxAccount.create());
        route53 = cloud.route53();
        zoneId = route53.createHostedZone(r -> r.name("example.com").callerReference("zone")).hostedZone().id();
    }

    private ChangeInfo change(ChangeAction action, ResourceRecordSet record) {
        return route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
                .changeBatch(b -> b.changes(c -> c.action(action).resourceRecordSet(record)))).changeInfo();
    }

    private static ResourceRecordSet a(String name, long ttl, String... values) {
        ResourceRecordSet.Builder builder = ResourceRecordSet.builder().name(name).type("A").ttl(ttl);
        return builder.resourceRecords(java.util.Arrays.stream(values)
                .map(v -> software.amazon.awssdk.services.route53.model.ResourceRecord.builder().value(v).build())
                .toList()).build();
    }

    @Test
    void aChangeIsPendingUntilItHasPropagatedThenInSync() {
        ChangeInfo info = change(ChangeAction.CREATE, a("www.example.com", 60, "192.0.2.1"));

        assertThat(info.statusAsString()).isEqualTo("PENDING");
        assertThat(info.id()).startsWith("C");
        cloud.world().clock().advance(Duration.ofSeconds(59));
        assertThat(route53.getChange(r -> r.id(info.id())).changeInfo().statusAsString()).isEqualTo("PENDING");
        cloud.world().clock().advance(Duration.ofSeconds(1));
        assertThat(route53.getChange(r -> r.id(info.id())).changeInfo().statusAsString()).isEqualTo("INSYNC");
        Refusals.assertRefused(() -> route53.getChange(r -> r.id("/change/CNOSUCHCHANGE")),
                NoSuchChangeException.class, "NoSuchChange", 404);
    }

    @Test
    void creatingARecordThatExistsIsRefusedButUpsertReplacesIt() {
        change(ChangeAction.CREATE, a("www.example.com", 60, "192.0.2.1"));

        InvalidChangeBatchException refused = Refusals.assertRefused(
                () -> change(ChangeAction.CREATE, a("www.example.com", 60, "192.0.2.2")),
                InvalidChangeBatchException.class, "InvalidChangeBatch", 400);
        assertThat(refused.messages()).containsExactly(
                "Tried to create resource record set [name='www.example.com.', type='A'] but it already exists");

        change(ChangeAction.UPSERT, a("www.example.com", 60, "192.0.2.2"));
        assertThat(record("www.example.com.").resourceRecords()).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo("192.0.2.2"));
    }

    @Test
    void aDeleteMustRepeatTheRecordExactly() {
        change(ChangeAction.CREATE, a("www.example.com", 60, "192.0.2.1", "192.0.2.2"));

        InvalidChangeBatchException stale = Refusals.assertRefused(
                () -> change(ChangeAction.DELETE, a("www.example.com", 300, "192.0.2.1", "192.0.2.2")),
                InvalidChangeBatchException.class, "InvalidChangeBatch", 400);
        assertThat(stale.messages()).containsExactly("Tried to delete resource record set [name='www.example.com.',"
                + " type='A'] but the values provided do not match the current values");
        Refusals.assertRefused(() -> change(ChangeAction.DELETE, a("www.example.com", 60, "192.0.2.1")),
                InvalidChangeBatchException.class, "InvalidChangeBatch", 400);

        change(ChangeAction.DELETE, a("www.example.com", 60, "192.0.2.2", "192.0.2.1"));
        assertThat(names()).doesNotContain("www.example.com.");
        InvalidChangeBatchException gone = Refusals.assertRefused(
                () -> change(ChangeAction.DELETE, a("www.example.com", 60, "192.0.2.1", "192.0.2.2")),
                InvalidChangeBatchException.class, "InvalidChangeBatch", 400);
        assertThat(gone.messages()).containsExactly(
                "Tried to delete resource record set [name='www.example.com.', type='A'] but it was not found");
    }

    @Test
    void aBatchIsAllOrNothing() {
        change(ChangeAction.CREATE, a("www.example.com", 60, "192.0.2.1"));

        ResourceRecordSet fresh = a("new.example.com", 60, "192.0.2.9");
        ResourceRecordSet duplicate = a("www.example.com", 60, "192.0.2.1");
        Refusals.assertRefused(() -> route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b
                        .changes(c -> c.action(ChangeAction.CREATE).resourceRecordSet(fresh),
                                c -> c.action(ChangeAction.CREATE).resourceRecordSet(duplicate)))),
                InvalidChangeBatchException.class, "InvalidChangeBatch", 400);
        assertThat(names()).doesNotContain("new.example.com.");

        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                c -> c.action(ChangeAction.DELETE).resourceRecordSet(a("www.example.com", 60, "192.0.2.1")),
                c -> c.action(ChangeAction.CREATE).resourceRecordSet(a("www.example.com", 60, "192.0.2.7")))));
        assertThat(record("www.example.com.").resourceRecords().get(0).value()).isEqualTo("192.0.2.7");
    }

    @Test
    void aFailoverRecordNeedsASetIdentifier() {
        ResourceRecordSet withoutId = a("api.example.com", 60, "192.0.2.1").toBuilder().failover("PRIMARY").build();

        Refusals.assertRefused(() -> change(ChangeAction.CREATE, withoutId), InvalidInputException.class,
                "InvalidInput", 400);
        change(ChangeAction.CREATE, withoutId.toBuilder().setIdentifier("primary").build());
        assertThat(record("api.example.com.").setIdentifier()).isEqualTo("primary");
    }

    @Test
    void onlyOnePrimaryPerNameAndType() {
        change(ChangeAction.CREATE, a("api.example.com", 60, "192.0.2.1").toBuilder().failover("PRIMARY")
                .setIdentifier("one").build());

        Refusals.assertRefused(() -> change(ChangeAction.CREATE, a("api.example.com", 60, "192.0.2.2").toBuilder()
                        .failover("PRIMARY").setIdentifier("two").build()),
                InvalidChangeBatchException.class, "InvalidChangeBatch", 400);
        change(ChangeAction.CREATE, a("api.example.com", 60, "192.0.2.2").toBuilder().failover("SECONDARY")
                .setIdentifier("two").build());
        assertThat(names()).filteredOn("api.example.com."::equals).hasSize(2);
    }

    @Test
    void aRecordCanOnlyReferenceAnExistingHealthCheck() {
        ResourceRecordSet checked = a("api.example.com", 60, "192.0.2.1").toBuilder().failover("PRIMARY")
                .setIdentifier("primary").healthCheckId("00000000-0000-0000-0000-000000000000").build();

        Refusals.assertRefused(() -> change(ChangeAction.CREATE, checked), NoSuchHealthCheckException.class,
                "NoSuchHealthCheck", 404);

        String id = route53.createHealthCheck(r -> r.callerReference("hc").healthCheckConfig(c -> c.type("HTTP")
                .fullyQualifiedDomainName("origin.example.net"))).healthCheck().id();
        change(ChangeAction.CREATE, checked.toBuilder().healthCheckId(id).build());
        assertThat(record("api.example.com.").healthCheckId()).isEqualTo(id);
    }

    @Test
    void aCnameCannotShareItsNameWithOtherRecords() {
        change(ChangeAction.CREATE, a("www.example.com", 60, "192.0.2.1"));

        Refusals.assertRefused(() -> change(ChangeAction.CREATE, EdgeFixture.cname("www.example.com", "x.example.net")),
                InvalidChangeBatchException.class, "InvalidChangeBatch", 400);
        change(ChangeAction.DELETE, a("www.example.com", 60, "192.0.2.1"));
        change(ChangeAction.CREATE, EdgeFixture.cname("www.example.com", "x.example.net"));
        assertThat(record("www.example.com.").typeAsString()).isEqualTo("CNAME");
    }

    @Test
    void theApexCannotBeACnameNorLoseItsSoa() {
        Refusals.assertRefused(() -> change(ChangeAction.CREATE, EdgeFixture.cname("example.com", "x.example.net")),
                InvalidChangeBatchException.class, "InvalidChangeBatch", 400);
        ResourceRecordSet soa = route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets()
                .stream().filter(r -> r.typeAsString().equals("SOA")).findFirst().orElseThrow();
        Refusals.assertRefused(() -> change(ChangeAction.DELETE, soa), InvalidChangeBatchException.class,
                "InvalidChangeBatch", 400);
        change(ChangeAction.UPSERT, soa.toBuilder().ttl(60L).build());
        assertThat(route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordName("example.com")
                .startRecordType("SOA").maxItems("1")).resourceRecordSets().get(0).ttl()).isEqualTo(60L);
    }

    @Test
    void recordsOutsideTheZoneAreRefused() {
        InvalidChangeBatchException refused = Refusals.assertRefused(
                () -> change(ChangeAction.CREATE, a("www.example.org", 60, "192.0.2.1")),
                InvalidChangeBatchException.class, "InvalidChangeBatch", 400);
        assertThat(refused.messages()).containsExactly(
                "RRSet with DNS name www.example.org. is not permitted in zone example.com.");
    }

    @Test
    void anAliasToALoadBalancerThatDoesNotExistIsRefused() {
        ResourceRecordSet alias = ResourceRecordSet.builder().name("api.example.com").type("A")
                .aliasTarget(t -> t.hostedZoneId("Z35SXDOTRQ7X7K")
                        .dnsName("dr-app-123456789.us-east-1.elb.amazonaws.com").evaluateTargetHealth(true))
                .build();

        Refusals.assertRefused(() -> change(ChangeAction.CREATE, alias), InvalidChangeBatchException.class,
                "InvalidChangeBatch", 400);
    }

    @Test
    void anAliasToAnExistingLoadBalancerIsAccepted() {
        EdgeFixture.Alb alb = EdgeFixture.alb(cloud, "us-east-1", "dr-app", 10);
        ResourceRecordSet alias = ResourceRecordSet.builder().name("api.example.com").type("A")
                .aliasTarget(t -> t.hostedZoneId(alb.hostedZoneId()).dnsName("dualstack." + alb.dnsName())
                        .evaluateTargetHealth(true))
                .build();

        change(ChangeAction.CREATE, alias);

        assertThat(record("api.example.com.").aliasTarget().dnsName()).isEqualTo("dualstack." + alb.dnsName() + ".");
    }

    @Test
    void aRecordNeedsEitherAnAliasOrValuesWithATtl() {
        Refusals.assertRefused(() -> change(ChangeAction.CREATE, ResourceRecordSet.builder().name("x.example.com")
                .type("A").ttl(60L).build()), InvalidInputException.class, "InvalidInput", 400);
    }

    @Test
    void changesToAnUnknownZoneAreRefused() {
        Refusals.assertRefused(() -> route53.changeResourceRecordSets(r -> r.hostedZoneId("ZNOSUCHZONE")
                        .changeBatch(b -> b.changes(c -> c.action(ChangeAction.CREATE)
                                .resourceRecordSet(a("x.example.com", 60, "192.0.2.1"))))),
                NoSuchHostedZoneException.class, "NoSuchHostedZone", 404);
    }

    @Test
    void listingPagesLikeRoute53AndThePaginatorReadsEverything() {
        for (String name : List.of("b", "a", "c.a", "d")) {
            change(ChangeAction.CREATE, a(name + ".example.com", 60, "192.0.2.1"));
        }

        ListResourceRecordSetsResponse first = route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)
                .maxItems("3"));
        ListResourceRecordSetsResponse rest = route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)
                .startRecordName(first.nextRecordName()).startRecordType(first.nextRecordType()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(first.resourceRecordSets()).extracting(ResourceRecordSet::name)
                .containsExactly("example.com.", "example.com.", "a.example.com.");
        assertThat(rest.resourceRecordSets()).extracting(ResourceRecordSet::name)
                .containsExactly("c.a.example.com.", "b.example.com.", "d.example.com.");
        assertThat(route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId).maxItems("2"))
                .resourceRecordSets()).hasSize(6);
        assertThatThrownBy(() -> route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordType("A")))
                .isInstanceOf(InvalidInputException.class);
    }

    private ResourceRecordSet record(String name) {
        return route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
                .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private List<String> names() {
        return route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
                .map(ResourceRecordSet::name).toList();
    }
}
