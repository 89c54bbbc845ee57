package dr.regions.database;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database of one region, found by its recorded role there ({@link DatabaseInstances#writer} or
 * {@link DatabaseInstances#replica}), not by a fixed identifier, waited on until {@code available}, giving {@code id},
 * {@code arn}, {@code endpoint} and {@code port} to later steps under the region's key ({@link #key}). A new one takes
 * the stack's next generation and identifier ({@link DatabaseLayout#nextGeneration}). Writer and replica differ only
 * in how they are found and created.
 */
abstract class DatabaseInstanceStep extends EnsureStep {
    protected final RegionTarget target;
    private DBInstance seen;

    DatabaseInstanceStep(RegionTarget target, List<StepKey> dependsOn, Duration estimate) {
        super(key(target), dependsOn, "AWS::RDS::DBInstance", estimate);
        this.target = target;
    }

    /**
     * The key of a region's database step, whatever role the database plays now: {@code <primary>/db-primary} and
     * {@code <dr>/db-replica}, as before roles moved, so that the steps using a region's database need not know.
     */
    static StepKey key(RegionTarget target) {
        return target.key(DatabaseRoles.stepRole(target.role()));
    }

    /** This region's database in the role this step keeps. */
    protected abstract Optional<DBInstance> lookup();

    @Override
    protected final Optional<String> find(StepContext context) {
        Optional<DBInstance> found = lookup();
        found.ifPresent(db -> seen = db);
        return found.map(DBInstance::dbInstanceIdentifier);
    }

    @Override
    protected final ResourceState readiness(StepContext context, String id) {
        if (seen == null || !"available".equals(seen.dbInstanceStatus())) {
            seen = DatabaseInstances.require(rds(), id);
        }
        return DatabaseInstances.readiness(seen);
    }

    @Override
    protected final Map<String, String> outputs(StepContext context, String id) {
        return DatabaseInstances.outputs(seen);
    }

    /** The region's tags for a database in {@code role}, with its generation. */
    protected Map<String, String> tags(String role, int generation) {
        Map<String, String> tags = new LinkedHashMap<>(target.tags(role));
        tags.put(DatabaseRoles.GENERATION_TAG, String.valueOf(generation));
        return tags;
    }

    protected DatabaseLayout layout() {
        return DatabaseLayout.read(target.spec(), target.clients());
    }

    protected RdsClient rds() {
        return target.clients().rds(target.region());
    }
}
