package dr.regions.rpo;

import dr.regions.aws.AwsClients;
import dr.regions.moto.Moto;
import dr.regions.moto.OnMoto;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production lag reader against moto's CloudWatch, an implementation written by others: RDS's ReplicaLag seeded
 * with PutMetricData (moto accepts the AWS/ namespace, which AWS keeps for its own services), then read back in the
 * region it was put in, and nothing read from another region.
 */
@OnMoto
class ReplicaLagReaderOnMotoTest {
    private static final String DR = "us-west-2";

    @Test
    void theLatestAndTheHighestFigureAreReadBackWithTheirMinutes(Moto moto) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        try (AwsClients clients = moto.clients()) {
            put(clients, "shop-dr", List.of(
                    datum(now.minus(Duration.ofMinutes(5)), 1), datum(now.minus(Duration.ofMinutes(4)), 42),
                    datum(now.minus(Duration.ofMinutes(3)), 7), datum(now.minus(Duration.ofMinutes(2)), 2)));
            ReplicaLagReader reader = ReplicaLagReader.of(clients, DR, "shop-dr");

            LagReading latest = reader.latest(now);
            LagReading max = reader.maxOver(now.minus(Duration.ofMinutes(10)), now);
            LagReading elsewhere = ReplicaLagReader.of(clients, "us-east-1", "shop-dr").latest(now);

            assertThat(latest.measured()).isTrue();
            assertThat(latest.seconds()).isEqualTo(2.0);
            assertThat(latest.at()).isEqualTo(now.minus(Duration.ofMinutes(2)));
            assertThat(max.seconds()).isEqualTo(42.0);
            assertThat(max.at()).isEqualTo(now.minus(Duration.ofMinutes(4)));
            assertThat(elsewhere.state()).isEqualTo(LagReading.State.NO_DATA);
        }
    }

    @Test
    void replicationNotActiveIsSaidWithTheLastFigureBeforeIt(Moto moto) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        try (AwsClients clients = moto.clients()) {
            put(clients, "shop-dr", List.of(datum(now.minus(Duration.ofMinutes(3)), 3),
                    datum(now.minus(Duration.ofMinutes(2)), -1), datum(now.minus(Duration.ofMinutes(1)), -1)));

            LagReading latest = ReplicaLagReader.of(clients, DR, "shop-dr").latest(now);

            assertThat(latest.state()).isEqualTo(LagReading.State.NOT_ACTIVE);
            assertThat(latest.lastActive().seconds()).isEqualTo(3.0);
        }
    }

    private static MetricDatum datum(Instant at, double seconds) {
        return MetricDatum.builder().metricName("ReplicaLag").timestamp(at).value(seconds).unit(StandardUnit.SECONDS)
                .dimensions(d -> d.name("DBInstanceIdentifier").value("shop-dr")).build();
    }

    private static void put(AwsClients clients, String instance, List<MetricDatum> data) {
        clients.cloudWatch(DR).putMetricData(r -> r.namespace("AWS/RDS").metricData(data));
    }
}
