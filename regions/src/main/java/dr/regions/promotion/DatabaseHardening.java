package dr.regions.promotion;

import dr.core.DrException;
import dr.core.engine.StepResult;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.MasterUserSecret;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the promoted database fit to be the writer, with one ModifyDBInstance (applied immediately) for what is
 * missing, then waits until it is available again:
 * <ul>
 *   <li>deletion protection on, as the primary has: the replica was created without it so that cleanup could drop
 *       it;</li>
 *   <li>a master user secret managed by RDS in the DR region ({@code ManageMasterUserPassword}). The primary's
 *       secret lives in Secrets Manager of the primary region, which may be dark for as long as the outage lasts;
 *       with this the DR region holds working master credentials of its own. RDS generates a new master password
 *       for it, which changes nothing for the application: it connects with IAM database authentication (on for
 *       the primary and the replica alike, tokens any region can sign), not with the master password.</li>
 *   <li>its tags copied to its snapshots ({@code CopyTagsToSnapshot}), as the primary's are, so that its final
 *       snapshot carries the stack's tags (by which cleanup knows it): replicas made before dr asked for it on
 *       CreateDBInstanceReadReplica have it off, and RDS does not take it from the source.</li>
 * </ul>
 */
public final class DatabaseHardening {
    static final Duration POLL = Duration.ofSeconds(20);

    private final PromotionTarget target;
    private final List<String> requested = new ArrayList<>();
    private final boolean manageSecret;

    public DatabaseHardening(PromotionTarget target) {
        this(target, true);
    }

    /**
     * {@code manageSecret} false for a writer that must serve as a read replica's source (failback's new primary):
     * RDS makes no read replica of a source whose master password it manages, so only deletion protection is set.
     */
    public DatabaseHardening(PromotionTarget target, boolean manageSecret) {
        this.target = target;
        this.manageSecret = manageSecret;
    }

    public StepResult ensure() {
        DBInstance db = target.requireDatabase();
        if (DatabasePromotion.isReplica(db)) {
            throw DrException.failed(db.dbInstanceIdentifier() + " is still a read replica: promote it first");
        }
        boolean protectedNow = Boolean.TRUE.equals(db.deletionProtection());
        MasterUserSecret secret = db.masterUserSecret();
        boolean secretNow = !manageSecret || hasSecret(db);
        boolean tagsCopied = Boolean.TRUE.equals(db.copyTagsToSnapshot());
        if (!"available".equals(db.dbInstanceStatus())) {
            return StepResult.waiting(db.dbInstanceIdentifier() + " is " + db.dbInstanceStatus(), POLL);
        }
        if (!protectedNow || !secretNow || !tagsCopied) {
            List<String> changes = new ArrayList<>();
            if (!protectedNow) {
                changes.add("deletion protection on");
            }
            if (!secretNow) {
                changes.add("master user secret managed by RDS in " + target.drRegion());
            }
            if (!tagsCopied) {
                changes.add("tags copied to snapshots");
            }
            rds().modifyDBInstance(r -> {
                r.dbInstanceIdentifier(db.dbInstanceIdentifier()).applyImmediately(true);
                if (!protectedNow) {
                    r.deletionProtection(true);
                }
                if (!secretNow) {
                    r.manageMasterUserPassword(true);
                }
                if (!tagsCopied) {
                    r.copyTagsToSnapshot(true);
                }
            });
            requested.addAll(changes);
            return StepResult.waiting("modifying: " + String.join(", ", changes), POLL);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("deletionProtection", true);
        if (secret != null) {
            outputs.put("masterUserSecretArn", secret.secretArn());
        }
        outputs.put("iamDatabaseAuthentication", Boolean.TRUE.equals(db.iamDatabaseAuthenticationEnabled()));
        outputs.put("changed", List.copyOf(requested));
        String summary = requested.isEmpty() ? "deletion protection" + (manageSecret ? " and DR master secret" : "")
                + " already in place" : String.join(", ", requested);
        return StepResult.ran(summary + (secret == null ? "" : " (secret " + secret.secretArn() + ")"), outputs);
    }

    /**
     * What {@link #ensure} leaves true, looked at without changing anything: empty when the database is standalone,
     * protected from deletion, has its master user secret and copies its tags to snapshots; else what is missing.
     */
    public Optional<String> unmet() {
        DBInstance db = target.requireDatabase();
        List<String> missing = new ArrayList<>();
        if (DatabasePromotion.isReplica(db)) {
            missing.add("still a read replica");
        }
        if (!Boolean.TRUE.equals(db.deletionProtection())) {
            missing.add("deletion protection off");
        }
        if (manageSecret && !hasSecret(db)) {
            missing.add("no master user secret");
        }
        if (!Boolean.TRUE.equals(db.copyTagsToSnapshot())) {
            missing.add("tags not copied to snapshots");
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(db.dbInstanceIdentifier() + ": " + String.join(", ", missing));
    }

    private static boolean hasSecret(DBInstance db) {
        return db.masterUserSecret() != null && db.masterUserSecret().secretArn() != null;
    }

    private RdsClient rds() {
        return target.clients().rds(target.drRegion());
    }
}
