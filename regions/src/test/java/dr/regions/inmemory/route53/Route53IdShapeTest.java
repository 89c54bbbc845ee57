package dr.regions.inmemory.route53;

import dr.regions.dns.HostedZones;
import dr.regions.inmemory.InMemoryCloud;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.RRType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The id shapes dr sees from each Route 53 operation, and the refusal of a prefixed zone id.
 *
 * <p>Shapes: AWS answers {@code /hostedzone/Z...} and {@code /change/C...}; the SDK v2 client's
 * {@code software.amazon.awssdk.services.route53.internal.Route53IdInterceptor} (route53 2.31.50) strips them from
 * ChangeResourceRecordSets, Create/Get/Delete/ListHostedZones, GetChange, ListResourceRecordSets and the health
 * check answers, but not from ListHostedZonesByName: https://github.com/aws/aws-sdk-java/pull/1555 (the fix there
 * was reverted because callers relied on the prefix).
 *
 * <p>Refusals: a hosted zone id is a ResourceId of at most 32 characters
 * (https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html, "Length Constraints:
 * Maximum length of 32"; botocore's route53 model, shape ResourceId). AWS's answers to a prefixed id, as reported
 * in https://github.com/crossplane-contrib/provider-aws/issues/1826: {@code /hostedzone/} + a 21-character id is
 * {@code InvalidInput: 1 validation error detected: Value '/hostedzone/Z09546752YPG9QI64P1DF' at 'resourceId' failed
 * to satisfy constraint: Member must have length less than or equal to 32}; with a 20-character id (32 in all)
 * it is {@code NoSuchHostedZone: No hosted zone found with ID: /hostedzone/Z0492315G9Y5I36O1E7O}.
 */
class Route53IdShapeTest {
    private Route53Client route53;

    @BeforeEach
    void emptyCloud() {
        route53 = new InMemoryCloud().route53();
    }

    private CreateHostedZoneResponse zone(String name) {
        return route53.createHostedZone(r -> r.name(name).callerReference("ref-" + name));
    }

    @Test
    void theOperationsTheSdkCleansAnswerBareIds() {
        CreateHostedZoneResponse created = zone("example.org");
        String id = created.hostedZone().id();

        assertThat(id).matches("Z[A-Z0-9]{20}");
        assertThat(created.changeInfo().id()).matches("C[A-Z0-9]+");
        assertThat(created.location()).endsWith("/hostedzone/" + id);
        assertThat(route53.getHostedZone(r -> r.id(id)).hostedZone().id()).isEqualTo(id);
        assertThat(route53.listHostedZones().hostedZones()).extracting(HostedZone::id).containsExactly(id);
        String changeId = route53.changeResourceRecordSets(r -> r.hostedZoneId(id).changeBatch(b -> b.changes(c -> c
                .action(ChangeAction.CREATE).resourceRecordSet(s -> s.name("www.example.org").type(RRType.A).ttl(60L)
                        .resourceRecords(v -> v.value("192.0.2.1")))))).changeInfo().id();
        assertThat(changeId).matches("C[A-Z0-9]+");
        assertThat(route53.getChange(r -> r.id(changeId)).changeInfo().id()).isEqualTo(changeId);
        String checkId = route53.createHealthCheck(r -> r.callerReference("hc").healthCheckConfig(c -> c.type("HTTP")
                .fullyQualifiedDomainName("www.example.org").resourcePath("/"))).healthCheck().id();
        assertThat(checkId).doesNotContain("/");
        assertThat(route53.getHealthCheck(r -> r.healthCheckId(checkId)).healthCheck().id()).isEqualTo(checkId);
    }

    @Test
    void listHostedZonesByNameKeepsThePrefixEvenThroughTheSdk() {
        String id = zone("example.org").hostedZone().id();

        assertThat(route53.listHostedZonesByName(r -> r.dnsName("example.org")).hostedZones())
                .extracting(HostedZone::id).containsExactly("/hostedzone/" + id);
    }

    @Test
    void aPrefixedZoneIdLongerThan32CharactersIsInvalidInputWhereverAZoneIdIsTaken() {
        String id = zone("example.org").hostedZone().id();
        String prefixed = "/hostedzone/" + id;
        String message = "1 validation error detected: Value '" + prefixed + "' at '%s' failed to satisfy constraint:"
                + " Member must have length less than or equal to 32";

        assertThat(Refusals.assertRefused(() -> route53.listResourceRecordSets(r -> r.hostedZoneId(prefixed)),
                InvalidInputException.class, "InvalidInput", 400).awsErrorDetails().errorMessage())
                .isEqualTo(message.formatted("hostedZoneId"));
        Refusals.assertRefused(() -> route53.changeResourceRecordSets(r -> r.hostedZoneId(prefixed).changeBatch(b -> b
                        .changes(c -> c.action(ChangeAction.UPSERT).resourceRecordSet(s -> s.name("a.example.org")
                                .type(RRType.A).ttl(60L).resourceRecords(v -> v.value("192.0.2.1")))))),
                InvalidInputException.class, "InvalidInput", 400);
        Refusals.assertRefused(() -> route53.getHostedZone(r -> r.id(prefixed)),
                InvalidInputException.class, "InvalidInput", 400);
        Refusals.assertRefused(() -> route53.testDNSAnswer(r -> r.hostedZoneId(prefixed).recordName("a.example.org")
                .recordType(RRType.A)), InvalidInputException.class, "InvalidInput", 400);
        assertThat(Refusals.assertRefused(() -> route53.listTagsForResource(r -> r.resourceType("hostedzone")
                        .resourceId(prefixed)), InvalidInputException.class, "InvalidInput", 400)
                .awsErrorDetails().errorMessage()).isEqualTo(message.formatted("resourceId"));
    }

    @Test
    void aPrefixedZoneIdOf32CharactersNamesNoZone() {
        zone("example.org");
        String prefixed = "/hostedzone/Z0492315G9Y5I36O1E7O";

        assertThat(Refusals.assertRefused(() -> route53.listResourceRecordSets(r -> r.hostedZoneId(prefixed)),
                NoSuchHostedZoneException.class, "NoSuchHostedZone", 404).awsErrorDetails().errorMessage())
                .isEqualTo("No hosted zone found with ID: " + prefixed);
    }

    @Test
    void drFindsZonesByNameWithTheBareIdRequestsTake() {
        String id = zone("example.org").hostedZone().id();

        HostedZone found = HostedZones.publicZone(route53, "example.org").orElseThrow();

        assertThat(found.id()).isEqualTo(id);
        assertThat(route53.listResourceRecordSets(r -> r.hostedZoneId(found.id())).resourceRecordSets()).hasSize(2);
    }
}
