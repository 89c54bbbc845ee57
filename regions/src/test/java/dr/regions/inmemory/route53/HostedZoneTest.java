package dr.regions.inmemory.route53;

import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ConflictingDomainExistsException;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.HostedZoneAlreadyExistsException;
import software.amazon.awssdk.services.route53.model.HostedZoneNotEmptyException;
import software.amazon.awssdk.services.route53.model.InvalidDomainNameException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.InvalidVpcIdException;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameResponse;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.Tag;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostedZoneTest {
    private InMemoryCloud cloud;
    private Route53Client route53;

    @BeforeEach
    void emptyCloud() {
        cloud = new InMemoryCloud();
        route53 = cloud.route53();
    }

    private CreateHostedZoneResponse publicZone(String name, String callerReference) {
        return route53.createHostedZone(r -> r.name(name).callerReference(callerReference));
    }

    @Test
    void aNewPublicZoneHasItsSoaAndNsRecordsAndFourNameServers() {
        CreateHostedZoneResponse created = publicZone("Example.org", "ref-1");

        assertThat(created.hostedZone().id()).matches("Z[A-Z0-9]{20}");
        assertThat(created.hostedZone().name()).isEqualTo("example.org.");
        assertThat(created.delegationSet().nameServers()).hasSize(4)
                .allSatisfy(ns -> assertThat(ns).matches("ns-\\d+\\.awsdns-\\d\\d\\.(com|net|org|co\\.uk)"));
        assertThat(route53.listResourceRecordSets(r -> r.hostedZoneId(created.hostedZone().id()))
                .resourceRecordSets()).extracting(ResourceRecordSet::typeAsString).containsExactly("NS", "SOA");
        assertThat(route53.getHostedZone(r -> r.id(created.hostedZone().id())).hostedZone().resourceRecordSetCount())
                .isEqualTo(2L);
    }

    @Test
    void aCallerReferenceCanOnlyBeUsedOnce() {
        publicZone("example.org", "ref-1");

        Refusals.assertRefused(() -> publicZone("example.net", "ref-1"), HostedZoneAlreadyExistsException.class,
                "HostedZoneAlreadyExists", 409);
        assertThat(publicZone("example.net", "ref-2").hostedZone().name()).isEqualTo("example.net.");
    }

    @Test
    void aZoneWithRecordsBeyondSoaAndNsCannotBeDeletedUntilTheyAreGone() {
        String id = publicZone("example.org", "ref-1").hostedZone().id();
        ResourceRecordSet www = EdgeFixture.cname("www.example.org", "example.net");
        EdgeFixture.change(route53, id, ChangeAction.CREATE, www);

        Refusals.assertRefused(() -> route53.deleteHostedZone(r -> r.id(id)), HostedZoneNotEmptyException.class,
                "HostedZoneNotEmpty", 400);

        EdgeFixture.change(route53, id, ChangeAction.DELETE, www);
        assertThat(route53.deleteHostedZone(r -> r.id(id)).changeInfo().statusAsString()).isEqualTo("PENDING");
        assertThatThrownBy(() -> route53.getHostedZone(r -> r.id(id))).isInstanceOf(NoSuchHostedZoneException.class);
    }

    @Test
    void aZoneNameMustBeAValidDomainName() {
        Refusals.assertRefused(() -> publicZone("bad_-.example..com", "ref-1"), InvalidDomainNameException.class,
                "InvalidDomainName", 400);
        assertThat(publicZone("good.example.com", "ref-1").hostedZone().name()).isEqualTo("good.example.com.");
    }

    @Test
    void aPrivateZoneNeedsAnExistingVpc() {
        assertThatThrownBy(() -> route53.createHostedZone(r -> r.name("internal.dr").callerReference("p-1")
                .hostedZoneConfig(c -> c.privateZone(true))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> route53.createHostedZone(r -> r.name("internal.dr").callerReference("p-2")
                .vpc(v -> v.vpcId("vpc-0123456789abcdef0").vpcRegion("us-east-1"))))
                .isInstanceOf(InvalidVpcIdException.class).hasMessageContaining("vpc-0123456789abcdef0");

        String vpc = cloud.ec2("us-east-1").createVpc(r -> r.cidrBlock("10.10.0.0/16")).vpc().vpcId();
        CreateHostedZoneResponse created = route53.createHostedZone(r -> r.name("internal.dr").callerReference("p-3")
                .vpc(v -> v.vpcId(vpc).vpcRegion("us-east-1")));

        assertThat(created.hostedZone().config().privateZone()).isTrue();
        assertThat(route53.getHostedZone(r -> r.id(created.hostedZone().id())).vpCs())
                .singleElement().satisfies(v -> assertThat(v.vpcId()).isEqualTo(vpc));
    }

    @Test
    void twoPrivateZonesOfTheSameNameCannotShareAVpc() {
        String vpc = cloud.ec2("us-east-1").createVpc(r -> r.cidrBlock("10.10.0.0/16")).vpc().vpcId();
        String other = cloud.ec2("us-east-1").createVpc(r -> r.cidrBlock("10.11.0.0/16")).vpc().vpcId();
        String first = route53.createHostedZone(r -> r.name("internal.dr").callerReference("p-1")
                .vpc(v -> v.vpcId(vpc).vpcRegion("us-east-1"))).hostedZone().id();

        Refusals.assertRefused(() -> route53.createHostedZone(r -> r.name("internal.dr").callerReference("p-2")
                .vpc(v -> v.vpcId(vpc).vpcRegion("us-east-1"))), ConflictingDomainExistsException.class,
                "ConflictingDomainExists", 400);
        assertThat(route53.createHostedZone(r -> r.name("internal.dr").callerReference("p-3")
                .vpc(v -> v.vpcId(other).vpcRegion("us-east-1"))).hostedZone().id()).isNotEqualTo(first);
    }

    @Test
    void listHostedZonesByNamePagesInReversedLabelOrder() {
        publicZone("b.example.com", "1");
        publicZone("example.com", "2");
        publicZone("a.example.org", "3");
        publicZone("example.net", "4");

        ListHostedZonesByNameResponse first = route53.listHostedZonesByName(r -> r.maxItems("2"));
        ListHostedZonesByNameResponse second = route53.listHostedZonesByName(r -> r.maxItems("2")
                .dnsName(first.nextDNSName()).hostedZoneId(first.nextHostedZoneId()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(names(first.hostedZones())).containsExactly("example.com.", "b.example.com.");
        assertThat(names(second.hostedZones())).containsExactly("example.net.", "a.example.org.");
        assertThat(second.isTruncated()).isFalse();
        assertThat(names(route53.listHostedZonesByName(r -> r.dnsName("example.net")).hostedZones()))
                .containsExactly("example.net.", "a.example.org.");
    }

    @Test
    void listHostedZonesPagesWithMarkersAndThePaginatorSeesEveryZone() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            publicZone("zone" + n + ".example.com", "ref-" + n);
        }

        assertThat(route53.listHostedZones(r -> r.maxItems("2")).nextMarker()).isNotNull();
        assertThat(route53.listHostedZonesPaginator(r -> r.maxItems("2")).hostedZones()).hasSize(5);
    }

    @Test
    void zonesAndHealthChecksCarryTags() {
        String bare = publicZone("example.org", "ref-1").hostedZone().id();

        route53.changeTagsForResource(r -> r.resourceType("hostedzone").resourceId(bare)
                .addTags(Tag.builder().key("dr:stack").value("shop").build(),
                        Tag.builder().key("temp").value("x").build()));
        route53.changeTagsForResource(r -> r.resourceType("hostedzone").resourceId(bare).removeTagKeys("temp"));

        assertThat(route53.listTagsForResource(r -> r.resourceType("hostedzone").resourceId(bare))
                .resourceTagSet().tags()).containsExactly(Tag.builder().key("dr:stack").value("shop").build());
        assertThatThrownBy(() -> route53.listTagsForResource(r -> r.resourceType("hostedzone")
                .resourceId("ZNOSUCHZONE")))
                .isInstanceOf(NoSuchHostedZoneException.class);
    }

    @Test
    void theSandboxAccountOwnsAPublicZoneForExampleCom() {
        InMemoryCloud sandbox = new InMemoryCloud(SandboxAccount.create());
        Route53Seed.publicZone(sandbox.world(), "example.com");

        List<HostedZone> zones = sandbox.route53().listHostedZones().hostedZones();
        assertThat(zones).singleElement().satisfies(z -> {
            assertThat(z.name()).isEqualTo("example.com.");
            assertThat(z.config().privateZone()).isFalse();
        });
    }

    @Test
    void rightAfterCreateAGetMayMissTheZoneOnceWhenEventualConsistencyIsOn() {
        cloud.world().faults().eventualConsistency(true);
        String id = publicZone("example.org", "ref-1").hostedZone().id();

        Refusals.assertRefused(() -> route53.getHostedZone(r -> r.id(id)), NoSuchHostedZoneException.class,
                "NoSuchHostedZone", 404);
        assertThat(route53.getHostedZone(r -> r.id(id)).hostedZone().name()).isEqualTo("example.org.");
    }

    private static List<String> names(List<HostedZone> zones) {
        return zones.stream().map(HostedZone::name).toList();
    }
}
