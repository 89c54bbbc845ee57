package dr.regions.rpo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The replica's lag around a fault: the newest reading before it was injected, and the highest while it was in place
 * (from the minute it was injected until it was undone, or {@code now} while it is still in place). ReplicaLag has
 * one datapoint a minute, so the window starts at the fault's minute.
 */
public record FaultWindowLag(LagReading before, LagReading during) {

    public static FaultWindowLag read(ReplicaLagReader reader, Instant injectedAt, Instant restoredAt, Instant now) {
        LagReading before = reader.latest(injectedAt);
        Instant end = restoredAt == null ? now : restoredAt;
        LagReading during = reader.maxOver(injectedAt.truncatedTo(ChronoUnit.MINUTES), end);
        return new FaultWindowLag(before, during);
    }
}
