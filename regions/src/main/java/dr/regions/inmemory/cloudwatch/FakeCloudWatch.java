package dr.regions.inmemory.cloudwatch;

import dr.regions.inmemory.world.FakeClient;
import dr.regions.inmemory.world.RdsState;
import dr.regions.inmemory.world.RdsState.DbInstance;
import dr.regions.inmemory.world.RdsState.LagSample;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The in-memory CloudWatch of one region. It holds the metrics AWS services publish that dr reads: RDS's
 * {@code ReplicaLag} (namespace AWS/RDS, dimension DBInstanceIdentifier) of the read replicas in this region, from
 * the RDS fake's replication model. GetMetricData answers metric queries (MetricStat) as the API reference
 * describes it (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html): StartTime
 * inclusive and rounded down to the minute, EndTime exclusive, one datapoint per Period that has data, timestamped
 * at the start of its period, newest first unless ScanBy is TimestampAscending, StatusCode Complete; a metric with no
 * data answers empty lists, not an error. Math expressions and Metrics Insights queries are not modeled (dr makes
 * none), nor is paging (dr's queries stay far below the 100,800 datapoints of one page). Operations dr does not use
 * keep the SDK's default.
 */
public final class FakeCloudWatch extends FakeClient implements CloudWatchClient {
    static final String RDS_NAMESPACE = "AWS/RDS";
    static final String REPLICA_LAG = "ReplicaLag";
    static final String DB_INSTANCE_DIMENSION = "DBInstanceIdentifier";

    /** RDS's state in this region: where its replicas' ReplicaLag datapoints are kept. */
    private final RdsState rds;

    public FakeCloudWatch(World world, String region) {
        super(SERVICE_NAME);
        this.rds = world.region(region).rds;
    }

    @Override
    public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
        List<MetricDataQuery> queries = request.metricDataQueries();
        if (queries.isEmpty()) {
            throw CloudWatchErrors.missing("MetricDataQueries");
        }
        if (request.startTime() == null) {
            throw CloudWatchErrors.missing("StartTime");
        }
        if (request.endTime() == null) {
            throw CloudWatchErrors.missing("EndTime");
        }
        for (int i = 0; i < queries.size(); i++) {
            validate(queries.get(i), i + 1);
        }
        if (request.nextToken() != null) {
            throw CloudWatchErrors.invalidNextToken();
        }
        Instant start = request.startTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant end = request.endTime();
        if (request.startTime().equals(end)) {
            throw CloudWatchErrors.validation("The parameter StartTime must not equal parameter EndTime.");
        }
        if (request.startTime().isAfter(end)) {
            throw CloudWatchErrors.validation("The parameter EndTime must be greater than StartTime.");
        }
        boolean ascending = request.scanBy() == ScanBy.TIMESTAMP_ASCENDING;
        List<MetricDataResult> results = new ArrayList<>();
        for (MetricDataQuery query : queries) {
            if (Boolean.FALSE.equals(query.returnData())) {
                continue;
            }
            results.add(result(query, start, end, ascending));
        }
        return GetMetricDataResponse.builder().metricDataResults(results).messages(List.of()).build();
    }

    /**
     * Each query: an Id, a MetricStat or an Expression, and a MetricStat with a metric, a statistic and a Period of at least 1 (API_MetricStat: "Valid
     * Range: Minimum value of 1"). moto answers a query with neither MetricStat nor Expression with this message
     * ("AWS also returns the empty line", moto/cloudwatch/responses.py).
     */
    private static void validate(MetricDataQuery query, int n) {
        String member = "MetricDataQueries.member." + n;
        if (query.id() == null) {
            throw CloudWatchErrors.missing(member + ".Id");
        }
        if (query.metricStat() == null && query.expression() == null) {
            throw CloudWatchErrors.validation("The parameter " + member + ".MetricStat is required.");
        }
        if (query.expression() != null) {
            throw new UnsupportedOperationException("the in-memory CloudWatch answers metric queries only, not "
                    + "expressions");
        }
        MetricStat stat = query.metricStat();
        if (stat.metric() == null) {
            throw CloudWatchErrors.missing(member + ".MetricStat.Metric");
        }
        if (stat.period() == null) {
            throw CloudWatchErrors.missing(member + ".MetricStat.Period");
        }
        if (stat.period() < 1) {
            throw CloudWatchErrors.belowMinimum("metricDataQueries." + n + ".member.metricStat.period", stat.period(),
                    1);
        }
        if (stat.stat() == null) {
            throw CloudWatchErrors.missing(member + ".MetricStat.Stat");
        }
    }

    private MetricDataResult result(MetricDataQuery query, Instant start, Instant end, boolean ascending) {
        MetricStat stat = query.metricStat();
        List<LagSample> samples = datapoints(stat.metric());
        long period = stat.period();
        List<Instant> timestamps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Instant bucket = start; bucket.isBefore(end); bucket = bucket.plusSeconds(period)) {
            Instant from = bucket;
            Instant to = bucket.plusSeconds(period).isBefore(end) ? bucket.plusSeconds(period) : end;
            List<Double> in = samples.stream().filter(s -> !s.at().isBefore(from) && s.at().isBefore(to))
                    .map(LagSample::value).toList();
            if (!in.isEmpty()) {
                timestamps.add(bucket);
                values.add(statistic(stat.stat(), in));
            }
        }
        if (!ascending) {
            Collections.reverse(timestamps);
            Collections.reverse(values);
        }
        return MetricDataResult.builder().id(query.id())
                .label(query.label() != null ? query.label() : stat.metric().metricName())
                .timestamps(timestamps).values(values).statusCode(StatusCode.COMPLETE).messages(List.of()).build();
    }

    /** The published datapoints of {@code metric} in this region: only RDS's ReplicaLag per DB instance is held. */
    private List<LagSample> datapoints(Metric metric) {
        if (!RDS_NAMESPACE.equals(metric.namespace()) || !REPLICA_LAG.equals(metric.metricName())
                || metric.dimensions().size() != 1
                || !DB_INSTANCE_DIMENSION.equals(metric.dimensions().get(0).name())) {
            return List.of();
        }
        Dimension dimension = metric.dimensions().get(0);
        DbInstance instance = dimension.value() == null ? null
                : rds.instances.get(dimension.value().toLowerCase(Locale.ROOT));
        if (instance == null || instance.replicaLag == null) {
            return List.of();
        }
        return List.copyOf(instance.replicaLag.samples);
    }

    private static double statistic(String stat, List<Double> values) {
        return switch (stat) {
            case "Maximum" -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            case "Minimum" -> values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case "Average" -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            case "Sum" -> values.stream().mapToDouble(Double::doubleValue).sum();
            case "SampleCount" -> values.size();
            default -> throw new UnsupportedOperationException("the in-memory CloudWatch computes Maximum, Minimum, "
                    + "Average, Sum and SampleCount, not " + stat);
        };
    }
}
