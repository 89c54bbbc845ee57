package dr.runbooks.actions.reprotect;

import dr.core.DrException;
import dr.core.engine.StepResult;
import dr.core.model.RegionRole;
import dr.regions.database.DatabaseLayout;
import dr.regions.database.ReplicaSourcePassword;
import dr.regions.provision.Failover;
import dr.runbooks.actions.cycle.CycleScope;
import dr.runbooks.step.Postcondition;
import dr.runbooks.step.StepType;
import dr.runbooks.step.StepTypeRegistry;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The step types of {@code dr reprotect} of its own; the rest are {@code dr.runbooks.actions.cycle}'s. */
public final class ReprotectActions {
    static final Duration POLL = Duration.ofSeconds(20);

    public static final StepType PREFLIGHT = StepType.builder("reprotect-preflight")
            .description("both regions answer; the stack's writer is in DR (promote-replica ran) and available; names "
                    + "the primary region's old databases")
            .defaultTimeout(Duration.ofMinutes(15))
            .action(params -> context -> {
                DatabaseLayout layout = CycleScope.layout(context);
                DatabaseLayout.Placed writer = layout.writer().orElseThrow(() -> DrException.failed(
                        "stack " + layout.spec().stack() + " has no writable database in either region"));
                if (writer.regionRole() != RegionRole.DR) {
                    throw DrException.failed("the writer " + writer.identifier() + " is in the primary region "
                            + writer.region() + ": the stack is not failed over, there is nothing to reprotect");
                }
                if (!"available".equals(writer.db().dbInstanceStatus())) {
                    return StepResult.waiting(writer.identifier() + " is " + writer.db().dbInstanceStatus(), POLL);
                }
                Map<String, Object> outputs = new LinkedHashMap<>();
                outputs.put("writer", writer.identifier());
                outputs.put("state", Failover.of(layout).name());
                outputs.put("oldDatabases", layout.others().stream().filter(p -> p.regionRole() == RegionRole.PRIMARY)
                        .map(DatabaseLayout.Placed::identifier).toList());
                return StepResult.ran("writer " + writer.identifier() + " in " + writer.region() + " ("
                        + Failover.of(layout).name().toLowerCase() + "); old databases in "
                        + layout.spec().primaryRegion() + ": " + outputs.get("oldDatabases"), outputs);
            })
            .build();

    public static final StepType RELEASE_SECRET = StepType.builder("release-master-secret")
            .description("the DR writer's RDS-managed master secret off (a generated master password, sent once and "
                    + "forgotten, instead): RDS makes no read replica of a source whose password it manages")
            .defaultTimeout(Duration.ofMinutes(20))
            .action(params -> context -> {
                DatabaseLayout layout = CycleScope.layout(context);
                DBInstance writer = layout.writer().filter(w -> w.regionRole() == RegionRole.DR)
                        .map(DatabaseLayout.Placed::db).orElseThrow(() -> DrException.failed(
                                "no writer in " + layout.spec().drRegion()));
                if (!"available".equals(writer.dbInstanceStatus())) {
                    return StepResult.waiting(writer.dbInstanceIdentifier() + " is " + writer.dbInstanceStatus(), POLL);
                }
                if (ReplicaSourcePassword.managed(writer)) {
                    ReplicaSourcePassword.release(CycleScope.clients(context).rds(layout.spec().drRegion()), writer);
                    return StepResult.waiting(writer.dbInstanceIdentifier() + ": master secret management off", POLL);
                }
                return StepResult.ran(writer.dbInstanceIdentifier() + " has no RDS-managed master secret",
                        Map.of("database", writer.dbInstanceIdentifier()));
            })
            .postcondition(params -> Postcondition.RUN_AGAIN)
            .build();

    private ReprotectActions() {
    }

    public static StepTypeRegistry register(StepTypeRegistry registry) {
        return registry.register(PREFLIGHT).register(RELEASE_SECRET);
    }
}
