package dr.regions.promotion;

import dr.core.DrException;
import dr.core.engine.StepResult;
import dr.regions.readiness.ReplicationEvidence;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Before promotion, in the DR region only (one DescribeDBInstances): the replica exists and is available, and what
 * RDS says about its replication is kept as RPO evidence. A replica whose replication is in error is still
 * promoted (with the primary region down that is the expected state) but the evidence says so. A database that is
 * already standalone (an earlier run promoted it) passes, so that a second run finds everything done. A state on
 * the way to available (e.g. {@code modifying} while an earlier promotion completes) is waited out.
 */
public final class ReplicaPreflight {
    static final Duration POLL = Duration.ofSeconds(30);
    /** States RDS cannot leave on its own: promotion is impossible until someone acts. */
    private static final Set<String> STUCK = Set.of("failed", "incompatible-parameters", "incompatible-restore",
            "incompatible-network", "storage-full", "deleting", "stopped", "stopping",
            "inaccessible-encryption-credentials");

    private final PromotionTarget target;

    public ReplicaPreflight(PromotionTarget target) {
        this.target = target;
    }

    /** @throws DrException failed (exit 1: the database cannot be brought up) when there is no usable one to promote */
    public StepResult check(Instant now) {
        Optional<DBInstance> found = target.database();
        if (found.isEmpty()) {
            throw DrException.failed("stack " + target.stack() + " has no database in " + target.drRegion()
                    + ": there is no replica to promote");
        }
        String identifier = found.get().dbInstanceIdentifier();
        ReplicationEvidence evidence = ReplicationEvidence.of(found.get(), now);
        if (STUCK.contains(evidence.status())) {
            throw DrException.failed(identifier + " in " + target.drRegion() + " is " + evidence.status()
                    + ": it cannot be promoted");
        }
        if (!"available".equals(evidence.status())) {
            return StepResult.waiting(identifier + " is " + evidence.status(), POLL);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("database", identifier);
        outputs.put("alreadyPromoted", !evidence.isReplica());
        outputs.put("evidence", evidence.toMap());
        String summary = evidence.isReplica()
                ? identifier + " " + evidence.summary()
                : identifier + " is already standalone (promoted by an earlier run)";
        return StepResult.ran(summary, outputs);
    }
}
