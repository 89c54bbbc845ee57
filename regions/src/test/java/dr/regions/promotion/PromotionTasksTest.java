package dr.regions.promotion;

import dr.regions.dns.HostedZones;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.engine.StepResult;
import dr.regions.cdn.DistributionSettings;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.dns.ApiRecords;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromotionTasksTest {
    private InMemoryCloud cloud;
    private PromotionTarget target;

    @BeforeEach
    void readyStackWithThePrimaryRegionDown() {
        cloud = ReadyStack.cloud();
        cloud.world().faults().regionUnreachable(ReadyStack.PRIMARY);
        target = new PromotionTarget(cloud, ReadyStack.spec(), ReadyStack.DR, Optional.of(ReadyStack.PRIMARY));
    }

    private DBInstance database() {
        return cloud.rds(ReadyStack.DR).describeDBInstances(r -> r.dbInstanceIdentifier("dr-db-replica"))
                .dbInstances().get(0);
    }

    /** The global APIs answer only while us-east-1 (here the primary) does: the steps on them run once it is back. */
    private void globalApisAnswer() {
        cloud.world().faults().regionReachable(ReadyStack.PRIMARY);
    }

    private void promote() {
        DatabasePromotion promotion = new DatabasePromotion(target);
        TaskRun.untilDone(cloud, promotion::request);
        TaskRun.untilDone(cloud, promotion::awaitWritable);
    }

    @Nested
    class Preflight {
        @Test
        void recordsWhatRdsSaysAboutTheReplica() {
            StepResult.Done progress = TaskRun.untilDone(cloud,
                    () -> new ReplicaPreflight(target).check(cloud.world().time()));

            assertThat(progress.outputs()).containsEntry("alreadyPromoted", false);
            assertThat(progress.outputs().get("evidence").toString()).contains("replicationStatus=replicating",
                    "source=arn:aws:rds:us-east-1");
            assertThat(cloud.world().calls().inRegion(ReadyStack.PRIMARY)).isZero();
        }

        @Test
        void aMissingReplicaFailsThePromotion() {
            PromotionTarget elsewhere = new PromotionTarget(cloud, ReadyStack.spec(), "eu-west-1", Optional.empty());

            assertThatThrownBy(() -> new ReplicaPreflight(elsewhere).check(cloud.world().time()))
                    .isInstanceOfSatisfying(DrException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED))
                    .hasMessageContaining("stack dr has no database in eu-west-1");
        }
    }

    @Nested
    class Database {
        @Test
        void isPromotedWithBackupsKeptAndBecomesWritable() {
            promote();

            DBInstance db = database();
            assertThat(db.readReplicaSourceDBInstanceIdentifier()).isNull();
            assertThat(db.dbInstanceStatus()).isEqualTo("available");
            assertThat(db.backupRetentionPeriod()).isEqualTo(7);
            assertThat(cloud.world().calls().inRegion(ReadyStack.PRIMARY)).isZero();
        }

        @Test
        void isNotPromotedTwice() {
            promote();
            cloud.world().calls().reset();

            StepResult again = new DatabasePromotion(target).request();

            assertThat(again).isInstanceOfSatisfying(StepResult.Done.class,
                    done -> assertThat(done.outputs()).containsEntry("requested", false));
            assertThat(cloud.world().calls().mutating()).isZero();
        }

        @Test
        void isProtectedAndGetsAMasterSecretInDrWithOneModification() {
            promote();
            cloud.world().calls().reset();

            StepResult.Done progress = TaskRun.untilDone(cloud, new DatabaseHardening(target)::ensure);

            DBInstance db = database();
            assertThat(db.deletionProtection()).isTrue();
            assertThat(db.masterUserSecret().secretArn()).contains(":secretsmanager:" + ReadyStack.DR + ":");
            assertThat(progress.outputs().get("masterUserSecretArn")).isEqualTo(db.masterUserSecret().secretArn());
            assertThat(cloud.world().calls().byOperation()).containsEntry("rds:ModifyDBInstance", 1L);
        }

        /**
         * dr makes the replica with CopyTagsToSnapshot, so its final snapshot, once promoted, carries the stack's tags
         * (CreateDBInstanceReadReplica: "By default, tags aren't copied",
         * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html).
         */
        @Test
        void theReplicaDrMadeCopiesItsTagsToSnapshots() {
            assertThat(database().copyTagsToSnapshot()).isTrue();
        }

        /** A replica made before dr asked for it: the hardening's one ModifyDBInstance turns it on. */
        @Test
        void aReplicaMadeWithoutCopyTagsToSnapshotGetsItWithTheSameModification() {
            cloud.rds(ReadyStack.DR).modifyDBInstance(r -> r.dbInstanceIdentifier("dr-db-replica")
                    .copyTagsToSnapshot(false).applyImmediately(true));
            cloud.world().clock().advance(java.time.Duration.ofMinutes(10));
            promote();
            assertThat(new DatabaseHardening(target).unmet()).get().asString().contains("tags not copied");
            cloud.world().calls().reset();

            StepResult.Done progress = TaskRun.untilDone(cloud, new DatabaseHardening(target)::ensure);

            assertThat(database().copyTagsToSnapshot()).isTrue();
            assertThat(progress.resourceId()).as("the summary").contains("tags copied to snapshots");
            assertThat(cloud.world().calls().byOperation()).containsEntry("rds:ModifyDBInstance", 1L);
        }

        @Test
        void aStillReplicatingDatabaseIsNotHardened() {
            assertThatThrownBy(() -> new DatabaseHardening(target).ensure()).isInstanceOf(DrException.class)
                    .hasMessageContaining("still a read replica");
        }
    }

    @Nested
    class DnsAndCompute {
        @Test
        void theDatabaseRecordAlreadyNamingTheEndpointIsLeftAlone() {
            promote();
            globalApisAnswer();
            cloud.world().calls().reset();

            StepResult.Done progress = TaskRun.untilDone(cloud, new DatabaseDns(target)::ensure);

            assertThat(progress.outputs()).containsEntry("changed", false)
                    .containsEntry("endpoint", database().endpoint().address());
            assertThat(cloud.world().calls().mutating()).isZero();
        }

        @Test
        void aDatabaseRecordNamingSomethingElseIsRepointed() {
            promote();
            globalApisAnswer();
            String zone = HostedZones.withCallerPrefix(cloud.route53(), "dr.internal.",
                    "dr/dr/" + ReadyStack.DR + "/").orElseThrow().id();
            cloud.route53().changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b.changes(c -> c
                    .action("UPSERT").resourceRecordSet(s -> s.name("db.dr.internal.").type("CNAME").ttl(60L)
                            .resourceRecords(v -> v.value("stale.example.internal"))))));

            StepResult.Done progress = TaskRun.untilDone(cloud, new DatabaseDns(target)::ensure);

            assertThat(progress.outputs()).containsEntry("changed", true);
            String value = cloud.route53().listResourceRecordSets(r -> r.hostedZoneId(zone)
                    .startRecordName("db.dr.internal.").startRecordType("CNAME")).resourceRecordSets().get(0)
                    .resourceRecords().get(0).value();
            assertThat(value).isEqualTo(database().endpoint().address());
        }

        @Test
        void drGroupsReachThePrimaryCapacityInService() {
            StepResult.Done progress = TaskRun.untilDone(cloud, new ComputeScaleUp(target)::ensure);

            for (String name : new String[] {"dr-asg-web", "dr-asg-app"}) {
                AutoScalingGroup group = cloud.autoScaling(ReadyStack.DR)
                        .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().get(0);
                assertThat(group.minSize()).isEqualTo(2);
                assertThat(group.desiredCapacity()).isEqualTo(2);
                assertThat(group.maxSize()).isEqualTo(4);
                assertThat(group.instances()).filteredOn(i -> i.lifecycleStateAsString().equals("InService"))
                        .hasSize(2);
            }
            assertThat(progress.outputs().get("resized").toString()).contains("dr-asg-web 1/1/4 -> 2/2/4");
        }
    }

    @Nested
    class Fencing {
        @BeforeEach
        void theRoute53AndCloudFrontApisAnswer() {
            globalApisAnswer();
        }

        @Test
        void bothApiRecordsNameTheDrLoadBalancerWithoutHealthCheck() {
            TaskRun.untilDone(cloud, new ApiRecordsFence(target)::ensure);

            ApiRecords records = ApiRecords.find(cloud.route53(), ReadyStack.spec(), ReadyStack.DOMAIN).orElseThrow();
            String drAlb = cloud.elb(ReadyStack.DR).describeLoadBalancers(r -> r.names("dr-alb-app")).loadBalancers()
                    .get(0).dnsName();
            assertThat(ApiRecords.aliases(records.primary(), drAlb)).isTrue();
            assertThat(ApiRecords.aliases(records.secondary(), drAlb)).isTrue();
            assertThat(records.primary().orElseThrow().healthCheckId()).isNull();
            assertThat(records.primary().orElseThrow().failoverAsString()).isEqualTo("PRIMARY");
            assertThat(records.primary().orElseThrow().setIdentifier()).isEqualTo("dr-primary");
            assertThat(cloud.world().calls().inRegion(ReadyStack.PRIMARY)).isZero();
        }

        @Test
        void route53KeepsAnsweringDrWhenThePrimaryRegionComesBack() {
            TaskRun.untilDone(cloud, new ApiRecordsFence(target)::ensure);

            cloud.world().clock().advance(java.time.Duration.ofMinutes(10));

            ApiRecords records = ApiRecords.find(cloud.route53(), ReadyStack.spec(), ReadyStack.DOMAIN).orElseThrow();
            var answer = cloud.route53().testDNSAnswer(r -> r.hostedZoneId(records.zoneId())
                    .recordName("api." + ReadyStack.DOMAIN).recordType("A")).recordData();
            assertThat(answer).singleElement().asString().contains(ReadyStack.DR);
        }

        @Test
        void theDefaultBehaviorServesFromDrAloneOnceDeployed() {
            StepResult.Done progress = TaskRun.untilDone(cloud, new OriginGroupFence(target)::ensure);

            var distribution = cloud.cloudFront().listDistributions(r -> { }).distributionList().items().get(0);
            var config = cloud.cloudFront().getDistribution(r -> r.id(distribution.id())).distribution();
            assertThat(config.status()).isEqualTo("Deployed");
            assertThat(config.distributionConfig().originGroups().items().get(0).members().items().get(0).originId())
                    .isEqualTo(DistributionSettings.originId(ReadyStack.DR));
            assertThat(config.distributionConfig().defaultCacheBehavior().targetOriginId())
                    .isEqualTo(DistributionSettings.originId(ReadyStack.DR));
            assertThat(progress.outputs()).containsEntry("changed", true);
        }

        @Test
        void fencingTwiceChangesNothingTheSecondTime() {
            TaskRun.untilDone(cloud, new ApiRecordsFence(target)::ensure);
            TaskRun.untilDone(cloud, new OriginGroupFence(target)::ensure);
            cloud.world().calls().reset();

            TaskRun.untilDone(cloud, new ApiRecordsFence(target)::ensure);
            TaskRun.untilDone(cloud, new OriginGroupFence(target)::ensure);

            assertThat(cloud.world().calls().mutating()).isZero();
        }
    }
    /** Each task's look at what it leaves true: not so on a ready stack, so once it ran, and never a change. */
    @Nested
    class Postconditions {
        @Test
        void theDatabaseLooksSayReplicaThenRequestedThenWritableThenSecured() {
            DatabasePromotion promotion = new DatabasePromotion(target);
            assertThat(promotion.requestUnmet()).get().asString().contains("still a read replica");
            assertThat(promotion.writableUnmet()).get().asString().contains("still a read replica");
            assertThat(new DatabaseHardening(target).unmet()).get().asString().contains("still a read replica");

            TaskRun.untilDone(cloud, promotion::request);
            assertThat(promotion.requestUnmet()).as("a promotion under way").isEmpty();
            assertThat(promotion.writableUnmet()).get().asString().contains("modifying");

            TaskRun.untilDone(cloud, promotion::awaitWritable);
            assertThat(promotion.writableUnmet()).isEmpty();
            long changes = cloud.world().calls().mutating();
            DatabaseHardening hardening = new DatabaseHardening(target);
            assertThat(hardening.unmet()).get().asString().contains("deletion protection off");
            assertThat(cloud.world().calls().mutating()).as("looking changes nothing").isEqualTo(changes);
            TaskRun.untilDone(cloud, hardening::ensure);
            assertThat(hardening.unmet()).isEmpty();
        }

        @Test
        void theComputeLookSaysWhatFallsShortUntilScaledAndInService() {
            ComputeScaleUp scale = new ComputeScaleUp(target);
            assertThat(scale.unmet()).get().asString().contains("dr-asg-web is at 1/1/", "dr-asg-app is at 1/1/");

            TaskRun.untilDone(cloud, scale::ensure);

            assertThat(scale.unmet()).isEmpty();
            cloud.autoScaling(ReadyStack.DR).updateAutoScalingGroup(r -> r.autoScalingGroupName("dr-asg-app")
                    .minSize(1).desiredCapacity(1));
            assertThat(scale.unmet()).get().asString().contains("dr-asg-app is at 1/1/").doesNotContain("dr-asg-web");
        }

        @Test
        void theFenceLooksSayNotFencedUntilTheFencesRan() {
            globalApisAnswer();
            promote();
            ApiRecordsFence records = new ApiRecordsFence(target);
            OriginGroupFence origins = new OriginGroupFence(target);
            assertThat(records.unmet()).get().asString().contains("PRIMARY", "do not name");
            assertThat(origins.unmet()).get().asString().contains("does not serve from");
            assertThat(new DatabaseDns(target).unmet()).as("the promoted database kept the replica's endpoint")
                    .isEmpty();

            TaskRun.untilDone(cloud, records::ensure);
            TaskRun.untilDone(cloud, origins::ensure);

            assertThat(records.unmet()).isEmpty();
            assertThat(origins.unmet()).isEmpty();
        }
    }
}
