package dr.regions.promotion;

import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.world.Service;
import dr.regions.provision.ProvisionFixture;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * With the ready stack's primary, us-east-1, dark: the steps on the global APIs cannot run (an outage, not a refusal),
 * and whether users are served from DR is still known, through the data planes alone.
 */
class GlobalStepsWhileUsEast1IsDarkTest {
    private InMemoryCloud cloud;
    private PromotionTarget target;

    @BeforeEach
    void readyStackWithUsEast1Dark() {
        cloud = ReadyStack.cloud();
        cloud.world().faults().regionUnreachable(ReadyStack.PRIMARY);
        target = new PromotionTarget(cloud, ReadyStack.spec(), ReadyStack.DR, Optional.of(ReadyStack.PRIMARY));
    }

    private ServingCheck servingCheck(PromotionTarget of) {
        return new ServingCheck(of, cloud.dataPlane().dns(), cloud.dataPlane().edge());
    }

    private long usEast1ControlPlaneCalls() {
        return cloud.world().calls().count(call -> call.controlPlaneIn("us-east-1"));
    }

    @Test
    void theGlobalStepsMeetAnOutageNotARefusal() {
        Throwable dns = catchThrowable(() -> new DatabaseDns(target).ensure());
        Throwable records = catchThrowable(() -> new ApiRecordsFence(target).ensure());
        Throwable origins = catchThrowable(() -> new OriginGroupFence(target).ensure());

        assertThat(dns).isInstanceOf(SdkClientException.class);
        assertThat(ApiOutage.reason(dns)).get().asString().contains("route53.amazonaws.com");
        assertThat(ApiOutage.reason(records)).isPresent();
        assertThat(ApiOutage.reason(origins)).get().asString().contains("cloudfront.amazonaws.com");
    }

    @Test
    void onlyNetworkFailuresAndServerErrorsAreOutages() {
        assertThat(ApiOutage.reason(Service.ROUTE53.error(503, "ServiceUnavailable", "down"))).isPresent();
        assertThat(ApiOutage.reason(Service.ROUTE53.badRequest("InvalidChangeBatch", "no"))).isEmpty();
        assertThat(ApiOutage.reason(Service.ROUTE53.throttled())).as("retried, not pending").isEmpty();
        assertThat(ApiOutage.reason(new IllegalStateException("bug"))).isEmpty();
    }

    @Test
    void usersAreSeenOnDrThroughTheDataPlanesWithoutAnyUsEast1Call() {
        cloud.world().clock().advance(Duration.ofMinutes(2));

        ServingCheck.Observation seen = servingCheck(target).observe(cloud.world().time());

        assertThat(seen.tiers()).extracting(ServingCheck.TierView::tier).containsExactly("api", "web");
        assertThat(seen.allOnDr()).as("tiers: %s", seen.tiers()).isTrue();
        assertThat(seen.tiers().get(1).seen()).contains("HTTP 200 from " + ReadyStack.DR);
        assertThat(usEast1ControlPlaneCalls()).isZero();
    }

    @Test
    void beforeTheHealthCheckSeesThePrimaryGoTheApiIsNotYetOnDr() {
        cloud.world().faults().regionReachable(ReadyStack.PRIMARY);

        ServingCheck.Observation seen = servingCheck(target).observe(cloud.world().time());

        assertThat(seen.allOnDr()).isFalse();
        assertThat(seen.tiers().get(0).onDr()).isFalse();
        assertThat(seen.tiers().get(0).seen()).startsWith("not the DR app load balancer");
    }

    @Test
    void withoutTheDomainConfiguredItIsReadFromTheDrCertificateNotFromCloudFront() {
        PromotionTarget noDomain = new PromotionTarget(cloud, ProvisionFixture.defaultSpec(), ReadyStack.DR,
                Optional.empty());
        cloud.world().clock().advance(Duration.ofMinutes(2));

        ServingCheck.Observation seen = servingCheck(noDomain).observe(cloud.world().time());

        assertThat(seen.tiers()).extracting(ServingCheck.TierView::host)
                .containsExactly("api." + ReadyStack.DOMAIN, "app." + ReadyStack.DOMAIN);
        assertThat(seen.allOnDr()).isTrue();
        assertThat(usEast1ControlPlaneCalls()).isZero();
        assertThat(cloud.world().calls().all()).allSatisfy(call -> assertThat(call.region()).isEqualTo(ReadyStack.DR));
    }
}
