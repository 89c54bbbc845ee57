package dr.regions.readiness;

import dr.core.model.RegionRole;
import dr.regions.database.DatabaseInstances;
import dr.regions.database.DatabaseRoles;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The cross-region read replica in the standby region (DR; the primary region once reprotected), found by its role:
 * present, available, a replica of the writer, and replicating by RDS's own status info, with the evidence RDS gives
 * (status, source, latest restorable time, creation time); then its lag in seconds ({@link ReplicaLagReadiness}),
 * which must be under {@code maxLag}.
 */
public final class ReplicaReadiness {
    /** {@code --max-lag}'s default: a minute of writes. */
    public static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(60);

    private final ReadinessScope scope;
    private final Duration maxLag;

    public ReplicaReadiness(ReadinessScope scope, Duration maxLag) {
        this.scope = scope;
        this.maxLag = maxLag;
    }

    public List<Finding> check() {
        String region = scope.region(scope.standby());
        Findings findings = new Findings(region, Verdict.FAIL);
        if (!scope.reachable(region)) {
            findings.problem(DataReadiness.DATABASE, DatabaseRoles.REPLICA, "cannot be read: " + region
                    + " unreachable");
            return findings.list();
        }
        List<DBInstance> databases = DatabaseInstances.ofStack(scope.clients().rds(region), scope.spec().stack());
        Optional<DBInstance> found = DatabaseInstances.replica(databases)
                .or(() -> DatabaseInstances.writer(databases));
        if (found.isEmpty()) {
            findings.problem(DataReadiness.DATABASE, DatabaseRoles.REPLICA, "missing: " + region + " has no copy"
                    + " of the data");
            return findings.list();
        }
        ReplicationEvidence evidence = ReplicationEvidence.of(found.get(), scope.now());
        if (evidence.healthyReplica()) {
            findings.ok(DataReadiness.DATABASE, DatabaseRoles.REPLICA, evidence.summary()
                    + (scope.standby() == RegionRole.PRIMARY ? " (reprotected: ready to fail over to "
                    + region + " with dr failback)" : ""), evidence.facts());
            ReplicaLagReadiness.check(scope, region, found.get().dbInstanceIdentifier(), maxLag, findings);
        } else if (!evidence.isReplica()) {
            findings.problem(DataReadiness.DATABASE, DatabaseRoles.REPLICA, evidence.summary()
                    + ": promoted already, " + region + " is no longer a standby", evidence.facts());
        } else {
            findings.problem(DataReadiness.DATABASE, DatabaseRoles.REPLICA, evidence.summary(), evidence.facts());
        }
        return findings.list();
    }
}
