package dr.regions.database;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.regions.step.Deleting;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DB instance found by its identifier ({@code <stack>-<name>}), waited on until {@code available}, giving
 * {@code id}, {@code arn}, {@code endpoint} and {@code port} to later steps. Primary and replica differ only
 * in how they are created.
 */
abstract class DatabaseInstanceStep extends EnsureStep {
    protected final RegionTarget target;
    private final String identifier;
    private DBInstance seen;

    DatabaseInstanceStep(RegionTarget target, String role, String identifierName, List<StepKey> dependsOn,
                         Duration estimate) {
        super(target.key(role), dependsOn, "AWS::RDS::DBInstance", estimate);
        this.target = target;
        this.identifier = target.name(identifierName);
    }

    protected String identifier() {
        return identifier;
    }

    @Override
    protected final Optional<String> find(StepContext context) {
        Optional<DBInstance> found = DatabaseInstances.find(rds(), identifier, Deleting.ABSENT);
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

    protected RdsClient rds() {
        return target.clients().rds(target.region());
    }
}
