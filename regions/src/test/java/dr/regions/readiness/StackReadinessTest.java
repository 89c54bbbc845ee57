package dr.regions.readiness;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.InMemoryCloud;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StackReadinessTest {
    private final InMemoryCloud cloud = ReadyStack.cloud();

    private ReadinessReport check() {
        return new StackReadiness(cloud, ReadyStack.spec()).check(cloud.world().time());
    }

    private void scaleToZero(String region, String group) {
        cloud.autoScaling(region).updateAutoScalingGroup(r -> r.autoScalingGroupName(group).minSize(0)
                .desiredCapacity(0));
        cloud.world().clock().advance(Duration.ofMinutes(5));
    }

    @Nested
    class AfterAFullProvision {
        @Test
        void everyFindingIsOkAndTheStackIsReady() {
            ReadinessReport report = check();

            assertThat(report.reasons()).isEmpty();
            assertThat(report.warnings()).isEmpty();
            assertThat(report.ready()).isTrue();
        }

        @Test
        void everyTierOfBothRegionsAndTheEdgeIsCovered() {
            ReadinessReport report = check();

            for (String region : new String[] {ReadyStack.PRIMARY, ReadyStack.DR}) {
                assertThat(report.findings()).filteredOn(f -> f.region().equals(region)).extracting(Finding::tier)
                        .contains("network", "security", "web", "app", "database", "dns", "backup", "tls");
            }
            assertThat(report.findings()).extracting(Finding::check).contains("vpc", "subnets", "nat-gateway",
                    "alb-web", "tg-app", "asg-app", "lt-web", "db-primary", "db-replica", "db-record",
                    "newest-recovery-point", "api-health-check", "distribution", "web-acl", "cdn-certificate",
                    "api-record");
        }

        @Test
        void makesNoMutatingCall() {
            cloud.world().calls().reset();

            check();

            assertThat(cloud.world().calls().total()).as("reads were made").isPositive();
            assertThat(cloud.world().calls().mutating()).isZero();
        }

        @Test
        void theReplicaFindingCarriesWhatRdsSaysAndTheLagFindingTheFigureReadInTheDrRegion() {
            Finding replica = check().findings().stream().filter(f -> f.check().equals("db-replica")).findFirst()
                    .orElseThrow();

            assertThat(replica.verdict()).isEqualTo(Verdict.OK);
            assertThat(replica.facts()).containsEntry("replicationStatus", "replicating")
                    .containsEntry("status", "available").containsKey("instanceCreateTime");
            assertThat(replica.facts().get("source")).contains(":db:dr-db");
            Finding lag = check().findings().stream().filter(f -> f.check().equals("replica-lag")).findFirst()
                    .orElseThrow();
            assertThat(lag.verdict()).isEqualTo(Verdict.OK);
            assertThat(lag.region()).isEqualTo(ReadyStack.DR);
            assertThat(lag.facts()).containsEntry("lagSeconds", "1.0").containsEntry("metricRegion", ReadyStack.DR)
                    .containsEntry("maxLagBoundSeconds", "60");
        }

        @Test
        void theTableAndTheJsonSayReady() {
            ReadinessReport report = check();
            StringWriter text = new StringWriter();

            report.printText(new PrintWriter(text));

            assertThat(text.toString()).contains("REGION", "Ready for failover: yes", "replica-lag");
            assertThat(report.toJson().get("rpo").get("lagSeconds").asDouble()).isEqualTo(1.0);
            assertThat(report.toJson().get("ready").asBoolean()).isTrue();
            assertThat(report.toJson().get("findings").size()).isEqualTo(report.findings().size());
        }
    }

    @Nested
    class NotReady {
        @Test
        void whenTheReplicaIsMissing() {
            cloud.rds(ReadyStack.DR).deleteDBInstance(r -> r.dbInstanceIdentifier("dr-db-replica")
                    .skipFinalSnapshot(true));
            cloud.world().clock().advance(ModeledDurations.RDS_DELETE.plusMinutes(1));

            ReadinessReport report = check();

            assertThat(report.ready()).isFalse();
            assertThat(report.reasons()).anySatisfy(reason -> assertThat(reason)
                    .contains(ReadyStack.DR, "db-replica", "missing"));
        }

        @Test
        void whenADrAutoScalingGroupIsScaledToZero() {
            scaleToZero(ReadyStack.DR, "dr-asg-app");

            ReadinessReport report = check();

            assertThat(report.ready()).isFalse();
            assertThat(report.reasons()).anySatisfy(reason -> assertThat(reason)
                    .contains(ReadyStack.DR, "asg-app", "scaled to 0"));
        }

        @Test
        void whenTheNewestRecoveryPointInTheDrVaultIsTooOld() {
            cloud.world().clock().advance(StackReadiness.DEFAULT_MAX_RECOVERY_POINT_AGE.plusHours(1));

            ReadinessReport report = check();

            assertThat(report.reasons()).anySatisfy(reason -> assertThat(reason)
                    .contains("newest-recovery-point", "old (limit 30h00m00s)"));
        }

        @Test
        void whenTheWebAclIsNotAttachedToTheDistribution() {
            var cloudFront = cloud.cloudFront();
            String id = cloudFront.listDistributions(r -> { }).distributionList().items().get(0).id();
            var current = cloudFront.getDistributionConfig(r -> r.id(id));
            cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                    .distributionConfig(current.distributionConfig().toBuilder().webACLId("").build()));
            cloud.world().clock().advance(ModeledDurations.CLOUDFRONT_DEPLOY.plusMinutes(1));

            ReadinessReport report = check();

            assertThat(report.reasons()).anySatisfy(reason -> assertThat(reason).contains("web-acl", "not attached"));
        }
    }

    @Nested
    class PrimaryProblems {
        @Test
        void aPrimaryGroupScaledToZeroIsAWarningNotAReason() {
            scaleToZero(ReadyStack.PRIMARY, "dr-asg-web");

            ReadinessReport report = check();

            assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains(ReadyStack.PRIMARY, "asg-web"));
            assertThat(report.reasons()).noneSatisfy(r -> assertThat(r).contains(ReadyStack.PRIMARY));
        }

        @Test
        void anUnreachablePrimaryRegionIsReportedAndDrIsStillJudgedOnItsOwn() {
            cloud.world().faults().regionUnreachable(ReadyStack.PRIMARY);
            cloud.world().clock().advance(Duration.ofMinutes(2));

            ReadinessReport report = check();

            assertThat(report.warnings())
                    .anySatisfy(w -> assertThat(w).contains(ReadyStack.PRIMARY, "cannot be reached"));
            assertThat(report.findings()).anySatisfy(f -> {
                assertThat(f.check()).isEqualTo("db-replica");
                assertThat(f.verdict()).isEqualTo(Verdict.OK);
            });
            // The primary is us-east-1: the Route 53 and CloudFront APIs are down with it, so the edge cannot be
            // read; and replication from it is not active, so the lag DR would start with is unknown (ReplicaLag -1,
            // read in the DR region). Those are the only reasons DR is not judged ready.
            assertThat(report.reasons()).as("reasons").isNotEmpty().allSatisfy(reason -> assertThat(reason)
                    .satisfiesAnyOf(r -> assertThat(r).contains("cannot be read").containsAnyOf("Route 53",
                            "CloudFront"), r -> assertThat(r).contains(ReadyStack.DR + " database replica-lag: "
                            + "replica lag unknown: replication not active")));
        }
    }
}
