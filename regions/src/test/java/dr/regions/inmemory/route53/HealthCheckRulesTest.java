package dr.regions.inmemory.route53;

import dr.regions.inmemory.InMemoryCloud;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.CreateHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckAlreadyExistsException;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckVersionMismatchException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;

class HealthCheckRulesTest {
    private Route53Client route53;

    @BeforeEach
    void emptyCloud() {
        route53 = new InMemoryCloud().route53();
    }

    private static HealthCheckConfig.Builder http() {
        return HealthCheckConfig.builder().type("HTTP").fullyQualifiedDomainName("origin.example.net").port(80)
                .resourcePath("/health").requestInterval(10).failureThreshold(2);
    }

    private HealthCheck create(String callerReference, HealthCheckConfig config) {
        return route53.createHealthCheck(CreateHealthCheckRequest.builder().callerReference(callerReference)
                .healthCheckConfig(config).build()).healthCheck();
    }

    @Test
    void onlyTenAndThirtySecondIntervalsExist() {
        Refusals.assertRefused(() -> create("hc", http().requestInterval(20).build()), InvalidInputException.class,
                "InvalidInput", 400);
        assertThat(create("hc", http().requestInterval(30).build()).healthCheckConfig().requestInterval())
                .isEqualTo(30);
    }

    @Test
    void theFailureThresholdIsOneToTen() {
        Refusals.assertRefused(() -> create("hc", http().failureThreshold(11).build()), InvalidInputException.class,
                "InvalidInput", 400);
        Refusals.assertRefused(() -> create("hc", http().failureThreshold(0).build()), InvalidInputException.class,
                "InvalidInput", 400);
        assertThat(create("hc", http().failureThreshold(10).build()).healthCheckConfig().failureThreshold())
                .isEqualTo(10);
    }

    @Test
    void defaultsAreThirtySecondsThreeFailuresAndThePortOfTheProtocol() {
        HealthCheckConfig config = create("hc", HealthCheckConfig.builder().type("HTTPS")
                .fullyQualifiedDomainName("origin.example.net").build()).healthCheckConfig();

        assertThat(config.requestInterval()).isEqualTo(30);
        assertThat(config.failureThreshold()).isEqualTo(3);
        assertThat(config.port()).isEqualTo(443);
        assertThat(config.resourcePath()).isEqualTo("/");
    }

    @Test
    void aRetriedCreateReturnsTheSameCheckButOtherSettingsAreRefused() {
        HealthCheck first = create("hc", http().build());

        assertThat(create("hc", http().build()).id()).isEqualTo(first.id());
        Refusals.assertRefused(() -> create("hc", http().failureThreshold(3).build()),
                HealthCheckAlreadyExistsException.class, "HealthCheckAlreadyExists", 409);
        assertThat(create("hc-2", http().failureThreshold(3).build()).id()).isNotEqualTo(first.id());
    }

    @Test
    void theCallerReferenceOfADeletedCheckCannotBeReused() {
        HealthCheck first = create("hc", http().build());
        route53.deleteHealthCheck(r -> r.healthCheckId(first.id()));

        Refusals.assertRefused(() -> create("hc", http().build()), HealthCheckAlreadyExistsException.class,
                "HealthCheckAlreadyExists", 409);
        Refusals.assertRefused(() -> route53.getHealthCheck(r -> r.healthCheckId(first.id())),
                NoSuchHealthCheckException.class, "NoSuchHealthCheck", 404);
    }

    @Test
    void anUpdateWithAStaleVersionIsRefused() {
        HealthCheck check = create("hc", http().build());
        route53.updateHealthCheck(r -> r.healthCheckId(check.id()).healthCheckVersion(1L).failureThreshold(3));

        Refusals.assertRefused(() -> route53.updateHealthCheck(r -> r.healthCheckId(check.id())
                        .healthCheckVersion(1L).resourcePath("/other")),
                HealthCheckVersionMismatchException.class, "HealthCheckVersionMismatch", 409);

        HealthCheck updated = route53.updateHealthCheck(r -> r.healthCheckId(check.id()).healthCheckVersion(2L)
                .resourcePath("/other").inverted(true)).healthCheck();
        assertThat(updated.healthCheckVersion()).isEqualTo(3L);
        assertThat(updated.healthCheckConfig().resourcePath()).isEqualTo("/other");
        assertThat(updated.healthCheckConfig().inverted()).isTrue();
        assertThat(updated.healthCheckConfig().failureThreshold()).isEqualTo(3);
    }

    /**
     * AWS's API reference for DeleteHealthCheck: "Route 53 does not prevent you from deleting a health check even
     * if the health check is associated with one or more resource record sets" (HealthCheckInUse is no longer used).
     */
    @Test
    void aCheckStillReferencedByARecordCanBeDeletedAsInAws() {
        HealthCheck check = create("hc", http().build());
        String zone = route53.createHostedZone(r -> r.name("example.com").callerReference("z")).hostedZone().id();
        EdgeFixture.change(route53, zone, ChangeAction.CREATE, ResourceRecordSet.builder().name("api.example.com")
                .type("A").ttl(60L).resourceRecords(v -> v.value("192.0.2.1")).failover("PRIMARY")
                .setIdentifier("primary").healthCheckId(check.id()).build());

        route53.deleteHealthCheck(r -> r.healthCheckId(check.id()));

        assertThat(route53.listHealthChecks().healthChecks()).isEmpty();
    }

    @Test
    void checksArePagedAndTagged() {
        for (int i = 0; i < 3; i++) {
            create("hc-" + i, http().port(8080 + i).build());
        }
        String id = route53.listHealthChecks(r -> r.maxItems("1")).healthChecks().get(0).id();
        route53.changeTagsForResource(r -> r.resourceType("healthcheck").resourceId(id)
                .addTags(Tag.builder().key("dr:stack").value("shop").build()));

        assertThat(route53.listHealthChecks(r -> r.maxItems("2")).isTruncated()).isTrue();
        assertThat(route53.listHealthChecksPaginator(r -> r.maxItems("2")).healthChecks()).hasSize(3);
        assertThat(route53.listTagsForResources(r -> r.resourceType("healthcheck").resourceIds(id))
                .resourceTagSets().get(0).tags()).extracting(Tag::value).containsExactly("shop");
    }

    @Test
    void noObservationExistsBeforeTheFirstSample() {
        HealthCheck check = create("hc", http().build());

        assertThat(route53.getHealthCheckStatus(r -> r.healthCheckId(check.id())).healthCheckObservations())
                .isEmpty();
    }

    @Test
    void aNameThatResolvesNowhereFailsWithADnsError() {
        InMemoryCloud cloud = new InMemoryCloud();
        Route53Client client = cloud.route53();
        String id = client.createHealthCheck(r -> r.callerReference("hc").healthCheckConfig(http()
                .failureThreshold(1).build())).healthCheck().id();
        cloud.world().clock().advance(java.time.Duration.ofSeconds(10));

        assertThat(client.getHealthCheckStatus(r -> r.healthCheckId(id)).healthCheckObservations())
                .allSatisfy(o -> assertThat(o.statusReport().status())
                        .isEqualTo("Failure: DNS resolution failed: Rcode NXDomain(3)"));
    }
}
