package dr.regions.promotion;

import dr.regions.aws.AwsClients;
import dr.regions.readiness.ReplicationEvidence;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether the standby replica holds every write the writer took before the freeze: the one place failback decides
 * "caught up", so that a better reading of the lag replaces this body alone.
 *
 * <p>Today it reads what RDS shows without CloudWatch: the replica available, RDS's replication status
 * {@code replicating} and normal ({@link ReplicationEvidence#healthyReplica()}), read no earlier than
 * {@link #SETTLE} after the freeze, so that what was in flight when writes stopped has been applied (a MySQL replica
 * applies within seconds while its status is replicating). CloudWatch's {@code ReplicaLag} reading 0 after the
 * freeze is the stronger proof; this class is where it goes (it is handed the clients and the replica's region for
 * that: CloudWatch's GetMetricData in that region, AWS/RDS ReplicaLag of the replica's identifier, the newest
 * datapoint taken after {@code frozenAt} reading 0).
 */
public final class ReplicaCaughtUp {
    /** How long after the freeze a healthy replica counts as holding everything. */
    public static final Duration SETTLE = Duration.ofSeconds(30);

    private ReplicaCaughtUp() {
    }

    /** Why not yet, or empty when the replica has caught up. */
    public static java.util.Optional<String> pending(AwsClients clients, String region, DBInstance replica,
                                                     Instant frozenAt, Instant now) {
        ReplicationEvidence evidence = ReplicationEvidence.of(replica, now);
        if (!evidence.healthyReplica()) {
            return java.util.Optional.of(replica.dbInstanceIdentifier() + ": " + evidence.summary());
        }
        Duration since = Duration.between(frozenAt, now);
        if (since.compareTo(SETTLE) < 0) {
            return java.util.Optional.of(replica.dbInstanceIdentifier() + " replicating; " + since.toSeconds()
                    + " s since the freeze, waiting " + SETTLE.toSeconds() + " s for writes in flight");
        }
        return java.util.Optional.empty();
    }
}
