package dr.regions.inmemory.acm;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.route53.EdgeFixture;
import dr.regions.inmemory.route53.Refusals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.InvalidArnException;
import software.amazon.awssdk.services.acm.model.ResourceInUseException;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.acm.model.Tag;
import software.amazon.awssdk.services.acm.model.ValidationException;
import software.amazon.awssdk.services.route53.model.ChangeAction;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AcmTest {
    private InMemoryCloud cloud;
    private AcmClient acm;

    @BeforeEach
    void sandboxAccountWithExampleComZone() {
        cloud = new InMemoryCloud(SandboxAccount.create());
        acm = cloud.acm("us-east-1");
    }

    private String request(String domain, String... alternativeNames) {
        return acm.requestCertificate(r -> r.domainName(domain).validationMethod("DNS")
                .subjectAlternativeNames(alternativeNames)).certificateArn();
    }

    private CertificateDetail describe(String arn) {
        return acm.describeCertificate(r -> r.certificateArn(arn)).certificate();
    }

    private void publish(DomainValidation validation) {
        EdgeFixture.change(cloud.route53(), EdgeFixture.publicZoneId(cloud, "example.com"), ChangeAction.UPSERT,
                EdgeFixture.cname(validation.resourceRecord().name(), validation.resourceRecord().value()));
    }

    private void advance(Duration duration) {
        cloud.world().clock().advance(duration);
    }

    @Nested
    class DnsValidation {
        @Test
        void aNewCertificateAsksForAValidationCnamePerName() {
            String arn = request("app.example.com", "www.example.com");

            CertificateDetail detail = describe(arn);
            assertThat(arn).matches("arn:aws:acm:us-east-1:123456789012:certificate/[0-9a-f-]{36}");
            assertThat(detail.statusAsString()).isEqualTo("PENDING_VALIDATION");
            assertThat(detail.subjectAlternativeNames()).containsExactly("app.example.com", "www.example.com");
            assertThat(detail.domainValidationOptions()).hasSize(2).allSatisfy(v -> {
                assertThat(v.validationMethodAsString()).isEqualTo("DNS");
                assertThat(v.resourceRecord().typeAsString()).isEqualTo("CNAME");
                assertThat(v.resourceRecord().name()).matches("_[0-9a-f]{32}\\." + v.domainName().replace(".", "\\.")
                        + "\\.");
                assertThat(v.resourceRecord().value()).matches("_[0-9a-f]{32}\\.[a-p]{10}\\.acm-validations\\.aws\\.");
            });
        }

        @Test
        void staysPendingWithoutItsCnameThenTimesOutAfter72Hours() {
            String arn = request("app.example.com");

            advance(Duration.ofHours(71));
            assertThat(describe(arn).statusAsString()).isEqualTo("PENDING_VALIDATION");
            advance(Duration.ofHours(1));
            assertThat(describe(arn).statusAsString()).isEqualTo("VALIDATION_TIMED_OUT");
        }

        @Test
        void isIssuedTheModeledValidationTimeAfterItsCnameAppears() {
            String arn = request("app.example.com");
            advance(Duration.ofMinutes(30));
            publish(describe(arn).domainValidationOptions().get(0));
            describe(arn);

            advance(ModeledDurations.ACM_VALIDATION.minusSeconds(1));
            assertThat(describe(arn).statusAsString()).isEqualTo("PENDING_VALIDATION");
            advance(Duration.ofSeconds(1));
            CertificateDetail issued = describe(arn);
            assertThat(issued.statusAsString()).isEqualTo("ISSUED");
            assertThat(issued.issuedAt()).isEqualTo(cloud.world().time());
            assertThat(issued.domainValidationOptions()).allSatisfy(v ->
                    assertThat(v.validationStatusAsString()).isEqualTo("SUCCESS"));
        }

        @Test
        void needsEveryNameValidated() {
            String arn = request("app.example.com", "www.example.com");
            publish(describe(arn).domainValidationOptions().get(0));

            advance(Duration.ofMinutes(10));
            assertThat(describe(arn).statusAsString()).isEqualTo("PENDING_VALIDATION");
            publish(describe(arn).domainValidationOptions().get(1));
            describe(arn);
            advance(ModeledDurations.ACM_VALIDATION);
            assertThat(describe(arn).statusAsString()).isEqualTo("ISSUED");
        }

        @Test
        void aCnameInAPrivateZoneDoesNotValidate() {
            String arn = request("app.example.com");
            String vpc = cloud.ec2("us-east-1").createVpc(r -> r.cidrBlock("10.10.0.0/16")).vpc().vpcId();
            String privateZone = cloud.route53().createHostedZone(r -> r.name("example.com").callerReference("p")
                    .vpc(v -> v.vpcId(vpc).vpcRegion("us-east-1"))).hostedZone().id();
            DomainValidation validation = describe(arn).domainValidationOptions().get(0);
            EdgeFixture.change(cloud.route53(), privateZone, ChangeAction.CREATE,
                    EdgeFixture.cname(validation.resourceRecord().name(), validation.resourceRecord().value()));

            advance(Duration.ofHours(1));
            assertThat(describe(arn).statusAsString()).isEqualTo("PENDING_VALIDATION");
        }

        @Test
        void aWildcardSharesTheRecordOfItsBaseDomain() {
            String arn = request("example.com", "*.example.com");

            List<DomainValidation> options = describe(arn).domainValidationOptions();
            assertThat(options.get(0).resourceRecord()).isEqualTo(options.get(1).resourceRecord());
            assertThat(describe(request("example.com")).domainValidationOptions().get(0).resourceRecord())
                    .as("the record depends on the domain and account, not the certificate")
                    .isEqualTo(options.get(0).resourceRecord());
        }
    }

    @Test
    void theSameIdempotencyTokenWithinAnHourReturnsTheSameCertificate() {
        String first = acm.requestCertificate(r -> r.domainName("app.example.com").validationMethod("DNS")
                .idempotencyToken("drshop")).certificateArn();

        advance(Duration.ofMinutes(59));
        assertThat(acm.requestCertificate(r -> r.domainName("app.example.com").validationMethod("DNS")
                .idempotencyToken("drshop")).certificateArn()).isEqualTo(first);
        advance(Duration.ofMinutes(1));
        assertThat(acm.requestCertificate(r -> r.domainName("app.example.com").validationMethod("DNS")
                .idempotencyToken("drshop")).certificateArn()).isNotEqualTo(first);
    }

    @Test
    void requestsAreValidated() {
        Refusals.assertRefused(() -> acm.requestCertificate(r -> r.validationMethod("DNS")),
                ValidationException.class, "ValidationException", 400);
        Refusals.assertRefused(() -> acm.requestCertificate(r -> r.domainName("app.example.com")
                .idempotencyToken("not valid!")), ValidationException.class, "ValidationException", 400);
    }

    @Test
    void unknownAndMalformedArnsAreRefused() {
        Refusals.assertRefused(() -> describe("not-an-arn"), InvalidArnException.class, "InvalidArnException", 400);
        Refusals.assertRefused(() -> describe("arn:aws:acm:us-east-1:123456789012:certificate/"
                + "00000000-0000-0000-0000-000000000000"), ResourceNotFoundException.class,
                "ResourceNotFoundException", 400);
        String elsewhere = cloud.acm("us-west-2").requestCertificate(r -> r.domainName("app.example.com"))
                .certificateArn();
        Refusals.assertRefused(() -> describe(elsewhere), ResourceNotFoundException.class,
                "ResourceNotFoundException", 400);
    }

    @Test
    void aCertificateInUseCannotBeDeletedUntilItsUserIsGone() {
        String arn = request("app.example.com");
        String listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/dr-app/1/2";
        cloud.world().dependencies.use(listener, arn);

        Refusals.assertRefused(() -> acm.deleteCertificate(r -> r.certificateArn(arn)), ResourceInUseException.class,
                "ResourceInUseException", 400);
        assertThat(describe(arn).inUseBy()).containsExactly(listener);

        cloud.world().dependencies.release(listener);
        acm.deleteCertificate(r -> r.certificateArn(arn));
        Refusals.assertRefused(() -> describe(arn), ResourceNotFoundException.class, "ResourceNotFoundException", 400);
    }

    @Test
    void listingFiltersByStatusAndPages() {
        String issued = request("app.example.com");
        publish(describe(issued).domainValidationOptions().get(0));
        describe(issued);
        request("other.example.com");
        request("third.example.com");
        advance(ModeledDurations.ACM_VALIDATION);

        assertThat(acm.listCertificates(r -> r.certificateStatusesWithStrings("ISSUED")).certificateSummaryList())
                .extracting(CertificateSummary::certificateArn).containsExactly(issued);
        assertThat(acm.listCertificates(r -> r.maxItems(2)).nextToken()).isNotNull();
        assertThat(acm.listCertificatesPaginator(r -> r.maxItems(1)).certificateSummaryList()).hasSize(3);
    }

    @Test
    void rightAfterARequestADescribeMayMissTheCertificateOnceWhenEventualConsistencyIsOn() {
        cloud.world().faults().eventualConsistency(true);
        String arn = request("app.example.com");

        Refusals.assertRefused(() -> describe(arn), ResourceNotFoundException.class, "ResourceNotFoundException", 400);
        assertThat(describe(arn).statusAsString()).isEqualTo("PENDING_VALIDATION");
    }

    @Test
    void tagsAreAddedListedAndRemoved() {
        String arn = acm.requestCertificate(r -> r.domainName("app.example.com").validationMethod("DNS")
                .tags(Tag.builder().key("dr:stack").value("shop").build())).certificateArn();

        acm.addTagsToCertificate(r -> r.certificateArn(arn).tags(Tag.builder().key("temp").value("1").build()));
        acm.removeTagsFromCertificate(r -> r.certificateArn(arn).tags(Tag.builder().key("temp").build()));

        assertThat(acm.listTagsForCertificate(r -> r.certificateArn(arn)).tags())
                .containsExactly(Tag.builder().key("dr:stack").value("shop").build());
    }

    @Test
    void aPendingCertificateAndItsFirstSightingSurviveTheSandboxFile() {
        String arn = request("app.example.com");
        publish(describe(arn).domainValidationOptions().get(0));
        describe(arn);

        InMemoryCloud resumed = new InMemoryCloud(SandboxStore.fromJson(SandboxStore.toJson(cloud.world())));
        resumed.world().clock().advance(ModeledDurations.ACM_VALIDATION);

        assertThat(resumed.acm("us-east-1").describeCertificate(r -> r.certificateArn(arn)).certificate()
                .statusAsString()).isEqualTo("ISSUED");
    }
}
