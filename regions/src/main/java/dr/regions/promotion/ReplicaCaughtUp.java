package dr.regions.promotion;

import dr.regions.aws.AwsClients;
import dr.regions.readiness.ReplicationEvidence;
import dr.regions.rpo.LagReading;
import dr.regions.rpo.ReplicaLagReader;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the standby replica holds every write the writer took before the freeze: the one place failback decides
 * "caught up". The replica must be available and replicating by RDS's own status
 * ({@link ReplicationEvidence#healthyReplica()}), and CloudWatch's {@code ReplicaLag} for it, read in its own region
 * as {@code status} reads it for the RPO figure ({@link ReplicaLagReader}), must read 0 in a datapoint for a minute
 * that began after the freeze: with no writes arriving, 0 means the replica has applied everything its source had.
 */
public final class ReplicaCaughtUp {
    private ReplicaCaughtUp() {
    }

    /** Why not yet, or empty when the replica has caught up. */
    public static Optional<String> pending(AwsClients clients, String region, DBInstance replica, Instant frozenAt,
                                           Instant now) {
        ReplicationEvidence evidence = ReplicationEvidence.of(replica, now);
        if (!evidence.healthyReplica()) {
            return Optional.of(replica.dbInstanceIdentifier() + ": " + evidence.summary());
        }
        LagReading lag = ReplicaLagReader.of(clients, region, replica.dbInstanceIdentifier()).latest(now);
        if (!lag.measured() || lag.at() == null || lag.at().isBefore(frozenAt)) {
            return Optional.of(replica.dbInstanceIdentifier() + " replicating; waiting for a ReplicaLag reading "
                    + "taken after the freeze (newest: " + lag.describe() + ")");
        }
        if (lag.seconds() > 0) {
            return Optional.of(replica.dbInstanceIdentifier() + " still " + lag.figure() + " behind after the freeze");
        }
        return Optional.empty();
    }
}
