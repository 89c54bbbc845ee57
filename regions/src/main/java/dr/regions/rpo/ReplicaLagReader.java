package dr.regions.rpo;

import dr.regions.aws.AwsClients;
import dr.regions.aws.AwsServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads a read replica's lag: RDS's {@code ReplicaLag} metric (AWS/RDS, dimension DBInstanceIdentifier, seconds),
 * which RDS publishes every minute in the <em>replica's</em> region, so the reading needs nothing of the source's
 * region and works with it dark. One GetMetricData call per reading; a CloudWatch that does not answer is a reading
 * without a figure ({@link LagReading.State#UNREADABLE}), never an error of the caller (throttling aside, which the
 * caller's retries handle).
 */
public record ReplicaLagReader(CloudWatchClient cloudWatch, String region, String dbInstance) {
    /** How far back {@link #latest} looks for the newest datapoint. */
    public static final Duration LOOKBACK = Duration.ofMinutes(15);
    private static final int MINUTE = 60;

    /** The reader of {@code dbInstance}'s lag; {@code region} is the replica's own region. */
    public static ReplicaLagReader of(AwsClients clients, String region, String dbInstance) {
        return new ReplicaLagReader(clients.cloudWatch(region), region, dbInstance);
    }

    /** The newest datapoint of the last {@link #LOOKBACK} before {@code now}. */
    public LagReading latest(Instant now) {
        return read(now.minus(LOOKBACK), now, true);
    }

    /** The highest datapoint in [{@code from}, {@code to}), with its minute. */
    public LagReading maxOver(Instant from, Instant to) {
        return read(from, to, false);
    }

    private LagReading read(Instant from, Instant to, boolean newest) {
        if (!from.isBefore(to)) {
            to = from.plusSeconds(MINUTE);
        }
        Instant start = from;
        Instant end = to;
        MetricDataResult result;
        try {
            result = cloudWatch.getMetricData(r -> r.startTime(start).endTime(end).scanBy(ScanBy.TIMESTAMP_DESCENDING)
                    .metricDataQueries(query())).metricDataResults().stream().findFirst().orElse(null);
        } catch (SdkException error) {
            if (error instanceof AwsServiceException service && service.isThrottlingException()) {
                throw error;
            }
            return LagReading.unreadable(region, dbInstance, AwsServiceErrors.describe(error));
        }
        if (result == null || result.values().isEmpty()) {
            return LagReading.noData(region, dbInstance, "no datapoint between " + start + " and " + end
                    + " (not a read replica, or RDS has published nothing yet)");
        }
        List<Double> values = result.values();
        List<Instant> times = result.timestamps();
        int chosen = newest ? 0 : highest(values);
        if (values.get(chosen) >= 0) {
            return LagReading.measured(region, dbInstance, values.get(chosen), times.get(chosen));
        }
        LagReading before = null;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) >= 0) {
                before = LagReading.measured(region, dbInstance, values.get(i), times.get(i));
                break;
            }
        }
        return LagReading.notActive(region, dbInstance, times.get(chosen), before);
    }

    /** The index of the highest figure (the newest among equals); a -1 only when every datapoint is one. */
    private static int highest(List<Double> values) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) > values.get(best)) {
                best = i;
            }
        }
        return best;
    }

    private MetricDataQuery query() {
        return MetricDataQuery.builder().id("replicaLag").returnData(true).metricStat(s -> s.stat("Maximum")
                .period(MINUTE).unit("Seconds")
                .metric(m -> m.namespace("AWS/RDS").metricName("ReplicaLag")
                        .dimensions(d -> d.name("DBInstanceIdentifier").value(dbInstance)))).build();
    }
}
