package dr.regions.inmemory;

import dr.regions.inmemory.world.CallLog;
import dr.regions.inmemory.world.Faults;
import dr.regions.inmemory.world.SimulatedCrash;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FaultInjectionTest {
    private final InMemoryCloud cloud = new InMemoryCloud();
    private final Faults faults = cloud.world().faults();

    @Nested
    class Throttling {
        @Test
        void throttledCallsFailWithEachServicesOwnThrottlingCode() {
            faults.throttle(1.0, 1);

            assertThat(code(() -> cloud.ec2("us-east-1").describeVpcs())).isEqualTo("RequestLimitExceeded");
            assertThat(code(() -> cloud.rds("us-east-1").describeDBInstances())).isEqualTo("Throttling");
            assertThat(code(() -> cloud.route53().listHostedZones())).isEqualTo("Throttling");
            assertThat(code(() -> cloud.cloudFront().listDistributions(r -> r.maxItems("10")))).isEqualTo("Throttling");
            assertThat(code(() -> cloud.acm("us-east-1").listCertificates())).isEqualTo("ThrottlingException");
        }

        @Test
        void theSdkRecognisesEveryInjectedThrottleAsThrottling() {
            faults.throttle(1.0, 1);
            AwsServiceException error = catchThrowableOfType(AwsServiceException.class,
                    () -> cloud.backup("us-west-2").listBackupVaults());
            assertThat(error.isThrottlingException()).isTrue();
        }

        @Test
        void aFractionOfAttemptsIsThrottledAndTheSameSeedThrottlesTheSameOnes() {
            InMemoryCloud first = throttledRun(42);
            InMemoryCloud second = throttledRun(42);

            assertThat(first.world().calls().all()).isEqualTo(second.world().calls().all());
            assertThat(first.world().time()).isEqualTo(second.world().time());
            long attempts = first.world().calls().total();
            assertThat(attempts).as("200 calls, about a fifth of attempts throttled and retried").isBetween(230L, 290L);
        }

        @Test
        void aThrottledCallIsAttemptedThreeTimesLikeTheSdkBeforeTheCallerSeesTheError() {
            faults.throttle(1.0, 1);

            assertThat(code(() -> cloud.ec2("us-east-1").describeVpcs())).isEqualTo("RequestLimitExceeded");

            assertThat(cloud.world().calls().total()).as("attempts logged").isEqualTo(3);
            assertThat(cloud.world().time()).as("backoff waited on the modeled clock")
                    .isEqualTo(dr.core.clock.VirtualClock.EPOCH.plusSeconds(3));
        }

        private InMemoryCloud throttledRun(long seed) {
            InMemoryCloud fresh = new InMemoryCloud();
            fresh.world().faults().throttle(0.2, seed);
            Ec2Client ec2 = fresh.ec2("us-east-1");
            for (int i = 0; i < 200; i++) {
                try {
                    ec2.describeVpcs();
                } catch (AwsServiceException e) {
                    assertThat(e.isThrottlingException()).isTrue();
                }
            }
            return fresh;
        }
    }

    @Nested
    class Crash {
        @Test
        void theNthMutatingCallKillsTheProcessAfterAwsAppliedIt() {
            Ec2Client ec2 = cloud.ec2("us-east-1");
            faults.crashAtMutatingCall(2, Faults.CrashPoint.AFTER_CALL);
            ec2.describeVpcs();
            ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16"));

            assertThatThrownBy(() -> ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16"))).isInstanceOf(SimulatedCrash.class);

            assertThat(ec2.describeVpcs().vpcs()).as("the second VPC exists although the caller died").hasSize(2);
        }

        @Test
        void aCrashBeforeTheCallLeavesNothingBehind() {
            Ec2Client ec2 = cloud.ec2("us-east-1");
            faults.crashAtMutatingCall(1, Faults.CrashPoint.BEFORE_CALL);

            assertThatThrownBy(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16"))).isInstanceOf(SimulatedCrash.class);

            assertThat(ec2.describeVpcs().vpcs()).isEmpty();
        }

        @Test
        void readsDoNotCountTowardsTheCrash() {
            faults.crashAtMutatingCall(1, Faults.CrashPoint.AFTER_CALL);
            for (int i = 0; i < 5; i++) {
                cloud.ec2("us-east-1").describeVpcs();
            }
            assertThat(faults.mutatingCalls()).isZero();
        }
    }

    @Nested
    class RegionDown {
        @Test
        void everyCallToAnUnreachableRegionFailsLikeANetworkError() {
            faults.regionUnreachable("us-east-1");

            SdkClientException error = catchThrowableOfType(SdkClientException.class,
                    () -> cloud.rds("us-east-1").describeDBInstances());

            assertThat(error).hasCauseInstanceOf(UnknownHostException.class);
            assertThat(cloud.rds("us-west-2").describeDBInstances().dbInstances()).as("other regions answer").isEmpty();
        }

        @Test
        void theRegionAnswersAgainOnceReachable() {
            faults.regionUnreachable("us-east-1").regionReachable("us-east-1");
            assertThat(cloud.ec2("us-east-1").describeVpcs().vpcs()).isEmpty();
        }
    }

    @Nested
    class EventualConsistency {
        @Test
        void aDescribeRightAfterACreateMissesTheNewResourceOnce() {
            faults.eventualConsistency(true);
            Ec2Client ec2 = cloud.ec2("us-east-1");
            String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").tagSpecifications(t -> t
                    .resourceType("vpc").tags(tag -> tag.key("dr:stack").value("dr")))).vpc().vpcId();

            assertThat(ec2.describeVpcs(r -> r.filters(f -> f.name("tag:dr:stack").values("dr"))).vpcs())
                    .as("first describe by tag").isEmpty();
            assertThat(ec2.describeVpcs(r -> r.filters(f -> f.name("tag:dr:stack").values("dr"))).vpcs())
                    .as("second describe by tag").extracting(v -> v.vpcId()).containsExactly(vpcId);
        }

        @Test
        void onlyDrsOwnCallsUseUpTheMissAndAFakesInternalLookupNeverMisses() throws Exception {
            faults.eventualConsistency(true);
            faults.created("vpc-1");

            assertThat(faults.visible("vpc-1")).as("outside any call through the proxy").isTrue();
            assertThat(faults.toolCall(() -> faults.internal(() -> faults.visible("vpc-1"))))
                    .as("a fake's internal lookup while serving dr's call").isTrue();
            assertThat(faults.toolCall(() -> faults.visible("vpc-1"))).as("dr's first describe").isFalse();
            assertThat(faults.toolCall(() -> faults.visible("vpc-1"))).as("dr's second describe").isTrue();
        }
    }

    @Nested
    class Counters {
        @Test
        void everyCallIsCountedPerServiceOperationAndRegion() {
            cloud.ec2("us-east-1").describeVpcs();
            cloud.ec2("us-east-1").createVpc(r -> r.cidrBlock("10.0.0.0/16"));
            cloud.route53().listHostedZones();

            CallLog calls = cloud.world().calls();
            assertThat(calls.total()).isEqualTo(3);
            assertThat(calls.mutating()).isEqualTo(1);
            assertThat(calls.inRegion("us-east-1")).isEqualTo(2);
            assertThat(calls.inRegion("global")).isEqualTo(1);
            assertThat(calls.byOperation()).containsEntry("ec2:CreateVpc", 1L).containsEntry("route53:ListHostedZones", 1L);
        }

        @Test
        void paginatorPagesAreCountedAsTheCallsTheyMake() {
            Ec2Client ec2 = cloud.ec2("us-east-1");
            for (int i = 0; i < 7; i++) {
                int n = i;
                ec2.createVpc(r -> r.cidrBlock("10." + n + ".0.0/16"));
            }
            cloud.world().calls().reset();

            long vpcs = ec2.describeVpcsPaginator(r -> r.maxResults(5)).vpcs().stream().count();

            assertThat(vpcs).isEqualTo(7);
            assertThat(cloud.world().calls().byOperation()).containsEntry("ec2:DescribeVpcs", 2L);
        }
    }

    private static String code(Runnable call) {
        AwsServiceException error = catchThrowableOfType(AwsServiceException.class, call::run);
        assertThat(error).as("the call was throttled").isNotNull();
        return error.awsErrorDetails().errorCode();
    }
}
