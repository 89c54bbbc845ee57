package dr.regions.rpo;

import dr.regions.database.DatabaseRoles;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.world.CallLog;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The lag reader over a provisioned sandbox stack: figures, their minute, and reading in the DR region only. */
class ReplicaLagReaderTest {
    private final InMemoryCloud cloud = ReadyStack.cloud();
    private final String replica = ReadyStack.spec().name(DatabaseRoles.REPLICA_NAME);

    private ReplicaLagReader reader() {
        return ReplicaLagReader.of(cloud, ReadyStack.DR, replica);
    }

    private Instant after(Duration duration) {
        cloud.world().clock().advance(duration);
        cloud.rds(ReadyStack.DR).describeDBInstances(r -> r.dbInstanceIdentifier(replica));
        return cloud.world().time();
    }

    @Test
    void theLatestReadingIsTheNewestMinuteAndTheMaximumTheHighest() {
        Instant calm = after(Duration.ofMinutes(5));
        cloud.world().faults().primaryLoaded(ReadyStack.PRIMARY);
        Instant now = after(Duration.ofMinutes(4));

        LagReading latest = reader().latest(now);
        assertThat(latest.measured()).isTrue();
        assertThat(latest.seconds()).isGreaterThan(50);
        assertThat(latest.at()).isBefore(now).isAfter(now.minus(Duration.ofMinutes(2)));
        assertThat(reader().latest(calm).seconds()).isEqualTo(1.0);
        LagReading max = reader().maxOver(now.minus(Duration.ofHours(1)), now);
        assertThat(max.seconds()).isEqualTo(latest.seconds());
        assertThat(latest.wouldLose()).startsWith("about " + Math.round(latest.seconds()) + " s of writes before ");
        System.out.println("[figures] replica lag read in " + ReadyStack.DR + ": calm 1 s, after 4 min of a loaded"
                + " primary " + latest.figure() + " (" + latest.describe() + ")");
    }

    @Test
    void withThePrimaryRegionDarkTheReadingComesFromTheDrRegionAloneAndSaysReplicationStopped() {
        after(Duration.ofMinutes(3));
        cloud.world().faults().regionUnreachable(ReadyStack.PRIMARY);
        Instant now = after(Duration.ofMinutes(3));
        int before = cloud.world().calls().all().size();

        LagReading latest = reader().latest(now);
        java.util.List<CallLog.Call> calls = cloud.world().calls().all().subList(before,
                cloud.world().calls().all().size());

        assertThat(latest.state()).isEqualTo(LagReading.State.NOT_ACTIVE);
        assertThat(latest.lastActive()).isNotNull();
        assertThat(latest.lastActive().seconds()).isEqualTo(1.0);
        assertThat(latest.wouldLose()).startsWith("every write since replication stopped");
        assertThat(calls).extracting(CallLog.Call::region).containsOnly(ReadyStack.DR);
        assertThat(calls).extracting(CallLog.Call::operation).containsOnly("GetMetricData");
    }

    @Test
    void aCloudWatchThatDoesNotAnswerGivesAReadingWithoutAFigureNamingTheRegion() {
        Instant now = after(Duration.ofMinutes(3));
        cloud.world().faults().regionUnreachable(ReadyStack.DR);

        LagReading latest = reader().latest(now);

        assertThat(latest.state()).isEqualTo(LagReading.State.UNREADABLE);
        assertThat(latest.describe()).contains("CloudWatch in " + ReadyStack.DR);
        assertThat(latest.above(Duration.ZERO)).isFalse();
    }

    @Test
    void anInstanceThatIsNotAReplicaHasNoReading() {
        Instant now = after(Duration.ofMinutes(3));
        LagReading primary = ReplicaLagReader.of(cloud, ReadyStack.PRIMARY,
                ReadyStack.spec().name(DatabaseRoles.PRIMARY_NAME)).latest(now);
        assertThat(primary.state()).isEqualTo(LagReading.State.NO_DATA);
    }
}
