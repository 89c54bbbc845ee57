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

    /** DR's database promoted (DR calls only): what the serving check looks at after a promotion. */
    private void promote() {
        DatabasePromotion promotion = new DatabasePromotion(target);
        TaskRun.untilDone(cloud, promotion::request);
        TaskRun.untilDone(cloud, promotion::awaitWritable);
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
        promote();
        cloud.world().clock().advance(Duration.ofMinutes(2));

        ServingCheck.Observation seen = servingCheck(target).observe(cloud.world().time());

        assertThat(seen.tiers()).extracting(ServingCheck.TierView::tier).containsExactly("api", "web");
        assertThat(seen.allOnDr()).as("tiers: %s", seen.tiers()).isTrue();
        assertThat(seen.tiers().get(1).seen()).contains("HTTP 200 from " + ReadyStack.DR,
                ReadyStack.DR + " instances read a writable database (dr-db-replica.");
        assertThat(usEast1ControlPlaneCalls()).isZero();
    }

    /**
     * CloudFront serving from DR's load balancer is not enough: the web tier is on DR only when DR's app reads a
     * database it can write to ({@code /_dr/served}, {@code @@global.read_only}), which a read replica is not.
     */
    @Test
    void drServingFromItsReadReplicaIsNotYetServingUsers() {
        cloud.world().clock().advance(Duration.ofMinutes(2));

        ServingCheck.TierView web = servingCheck(target).observe(cloud.world().time()).tiers().get(1);

        assertThat(web.onDr()).as(web.seen()).isFalse();
        assertThat(web.seen()).contains("HTTP 200 from " + ReadyStack.DR, "read-only database",
                "the app in " + ReadyStack.DR + " does not see a writable database");
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
        promote();
        cloud.world().clock().advance(Duration.ofMinutes(2));
        cloud.world().calls().reset();

        ServingCheck.Observation seen = servingCheck(noDomain).observe(cloud.world().time());

        assertThat(seen.tiers()).extracting(ServingCheck.TierView::host)
                .containsExactly("api." + ReadyStack.DOMAIN, "app." + ReadyStack.DOMAIN);
        assertThat(seen.allOnDr()).isTrue();
        assertThat(usEast1ControlPlaneCalls()).isZero();
        assertThat(cloud.world().calls().all()).allSatisfy(call -> assertThat(call.region()).isEqualTo(ReadyStack.DR));
    }
}
