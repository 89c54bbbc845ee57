package dr.regions.inmemory.rds;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dr.regions.inmemory.rds.RdsFixture.DR;
import static dr.regions.inmemory.rds.RdsFixture.PRIMARY;
import static dr.regions.inmemory.rds.RdsFixture.SUBNET_GROUP;
import static dr.regions.inmemory.rds.RdsFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replication-lag model as CloudWatch serves it (GetMetricData on AWS/RDS ReplicaLag in the replica's region),
 * and GetMetricData's own request rules. Sources: API reference GetMetricData and MetricStat
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html, API_MetricStat.html);
 * "If the ReplicaLag metric returns -1, then replication is currently not active" (RDS User Guide,
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_MySQL.Replication.ReadReplicas.Monitor.html).
 */
class ReplicaLagMetricTest {
    private final RdsFixture fixture = new RdsFixture();
    private final CloudWatchClient drCloudWatch = fixture.cloud.cloudWatch(DR);

    @BeforeEach
    void replica() {
        fixture.createPrimary("shop");
        fixture.advance(ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));
        fixture.rds(DR).createDBInstanceReadReplica(r -> r.dbInstanceIdentifier("shop-dr")
                .sourceDBInstanceIdentifier("arn:aws:rds:us-east-1:123456789012:db:shop").sourceRegion(PRIMARY)
                .dbInstanceClass("db.t3.medium").kmsKeyId(fixture.kmsKeyOf(DR)).dbSubnetGroupName(SUBNET_GROUP)
                .vpcSecurityGroupIds(fixture.dr.securityGroupId()));
        fixture.advance(ModeledDurations.RDS_CROSS_REGION_REPLICA);
    }

    private MetricDataResult lag(String instance, Duration window, String stat, int period) {
        Instant now = fixture.cloud.world().time();
        return drCloudWatch.getMetricData(r -> r.startTime(now.minus(window)).endTime(now)
                .metricDataQueries(query(instance, stat, period))).metricDataResults().get(0);
    }

    private static MetricDataQuery query(String instance, String stat, int period) {
        return MetricDataQuery.builder().id("lag").metricStat(s -> s.stat(stat).period(period)
                .metric(m -> m.namespace("AWS/RDS").metricName("ReplicaLag")
                        .dimensions(d -> d.name("DBInstanceIdentifier").value(instance)))).build();
    }

    @Test
    void aHealthyReplicaPublishesASmallSteadyLagEveryMinuteNewestFirst() {
        fixture.advance(Duration.ofMinutes(10));
        fixture.rds(DR).describeDBInstances(r -> r.dbInstanceIdentifier("shop-dr"));

        MetricDataResult result = lag("shop-dr", Duration.ofMinutes(5), "Maximum", 60);

        assertThat(result.id()).isEqualTo("lag");
        assertThat(result.label()).isEqualTo("ReplicaLag");
        assertThat(result.statusCode()).isEqualTo(StatusCode.COMPLETE);
        assertThat(result.values()).hasSize(5).allSatisfy(v -> assertThat(v).isEqualTo(1.0));
        assertThat(result.timestamps()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(result.timestamps().get(0)).isEqualTo(fixture.cloud.world().time()
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minus(Duration.ofMinutes(1)));
    }

    @Test
    void lagRisesWhileThePrimaryIsLoadedOrTheNetworkDegradedAndFallsBackAfter() {
        fixture.advance(Duration.ofMinutes(2));
        fixture.rds(DR).describeDBInstances(r -> r.dbInstanceIdentifier("shop-dr"));
        fixture.cloud.world().faults().primaryLoaded(PRIMARY).networkDegraded(DR, PRIMARY);
        fixture.advance(Duration.ofMinutes(3));
        fixture.rds(DR).describeDBInstances(r -> r.dbInstanceIdentifier("shop-dr"));
        // three stressed minutes; EndTime is exclusive, so the one stamped now is not in the window
        double peak = lag("shop-dr", Duration.ofMinutes(3), "Maximum", 180).values().get(0);
        assertThat(peak).isEqualTo(1 + 2 * (ReplicationLagModel.LOADED_PER_MINUTE
                + ReplicationLagModel.DEGRADED_PER_MINUTE));

        fixture.cloud.world().faults().clear();
        fixture.advance(Duration.ofMinutes(30));
        fixture.rds(DR).describeDBInstances(r -> r.dbInstanceIdentifier("shop-dr"));
        List<Double> after = lag("shop-dr", Duration.ofMinutes(2), "Maximum", 60).values();
        assertThat(after).containsOnly(ReplicationLagModel.STEADY_SECONDS);
    }

    @Test
    void replicationIsNotActiveWhileTheSourceRegionIsDownAndAStandaloneInstanceHasNoDatapoints() {
        fixture.advance(Duration.ofMinutes(1));
        fixture.rds(DR).describeDBInstances(r -> r.dbInstanceIdentifier("shop-dr"));
        fixture.cloud.world().faults().regionUnreachable(PRIMARY);
        fixture.advance(Duration.ofMinutes(4));

        assertThat(lag("shop-dr", Duration.ofMinutes(3), "Maximum", 60).values()).containsOnly(-1.0);
        assertThat(lag("shop", Duration.ofMinutes(3), "Maximum", 60).values()).isEmpty();
        assertThat(fixture.cloud.cloudWatch(PRIMARY)).isNotNull();
        assertThat(lag("no-such-db", Duration.ofMinutes(3), "Maximum", 60).timestamps()).isEmpty();
    }

    @Test
    void periodsAggregateAndAscendingOrderIsKeptWhenAsked() {
        fixture.advance(Duration.ofMinutes(10));
        Instant now = fixture.cloud.world().time();
        MetricDataResult result = drCloudWatch.getMetricData(r -> r.startTime(now.minus(Duration.ofMinutes(6)))
                .endTime(now).scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .metricDataQueries(query("shop-dr", "SampleCount", 180))).metricDataResults().get(0);
        assertThat(result.values()).containsExactly(3.0, 3.0);
        assertThat(result.timestamps()).isSorted();
    }

    @Test
    void startTimeEqualToEndTimeIsAValidationError() {
        Instant now = fixture.cloud.world().time();
        assertRefused(() -> drCloudWatch.getMetricData(r -> r.startTime(now).endTime(now)
                        .metricDataQueries(query("shop-dr", "Maximum", 60))),
                CloudWatchException.class, "ValidationError", 400);
        assertRefused(() -> drCloudWatch.getMetricData(r -> r.startTime(now).endTime(now.minusSeconds(60))
                        .metricDataQueries(query("shop-dr", "Maximum", 60))),
                CloudWatchException.class, "ValidationError", 400);
    }

    @Test
    void aQueryNeedsAnIdAMetricStatAndAPeriodOfAtLeastOne() {
        Instant now = fixture.cloud.world().time();
        GetMetricDataRequest.Builder base = GetMetricDataRequest.builder().startTime(now.minusSeconds(600))
                .endTime(now);
        assertRefused(() -> drCloudWatch.getMetricData(base.copy().metricDataQueries(
                        query("shop-dr", "Maximum", 60).toBuilder().id(null).build()).build()),
                MissingRequiredParameterException.class, "MissingParameter", 400);
        assertRefused(() -> drCloudWatch.getMetricData(base.copy().metricDataQueries(
                        MetricDataQuery.builder().id("lag").build()).build()),
                CloudWatchException.class, "ValidationError", 400);
        assertRefused(() -> drCloudWatch.getMetricData(base.copy().metricDataQueries(
                        query("shop-dr", "Maximum", 0)).build()),
                CloudWatchException.class, "ValidationError", 400);
        assertRefused(() -> drCloudWatch.getMetricData(base.copy().build()),
                MissingRequiredParameterException.class, "MissingParameter", 400);
    }
}
