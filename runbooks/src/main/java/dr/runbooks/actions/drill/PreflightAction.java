package dr.runbooks.actions.drill;

import dr.core.ExitCode;
import dr.core.engine.StepResult;
import dr.regions.drill.DrillDiscovery;
import dr.regions.drill.DrillPreflight;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code drill-preflight}: discovers the stack (and journals what the drill will work on), then refuses with exit 3 and
 * every reason when the DR side could not take over, unless {@code force}; forced problems go into the report.
 */
final class PreflightAction implements RunbookAction {
    private final boolean force;
    private final FaultKind fault;

    PreflightAction(boolean force, FaultKind fault) {
        this.force = force;
        this.fault = fault;
    }

    @Override
    public StepResult execute(ActionContext context) {
        DrillDiscovery.Discovered discovered = DrillContext.discover(context);
        DrillContext.record(context, discovered.topology());
        DrillPreflight preflight = new DrillPreflight(DrillContext.operations(context).clients());
        List<String> problems = new ArrayList<>(preflight.problems(discovered, fault.label()));
        preflight.webProbe(DrillContext.edge(context), discovered.topology()).ifPresent(problems::add);
        List<String> notes = preflight.notes(discovered);
        notes.forEach(note -> context.out().println("preflight note: " + note));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("problems", problems);
        record.put("notes", notes);
        record.put("forced", force && !problems.isEmpty());
        context.record(DrillRecords.PREFLIGHT, record);
        if (problems.isEmpty()) {
            return StepResult.ran("ready for a drill of stack " + discovered.topology().stack() + " ("
                    + discovered.topology().primaryRegion() + " → " + discovered.topology().drRegion() + ")",
                    Map.of("problems", List.of()));
        }
        problems.forEach(problem -> context.out().println("preflight: " + problem));
        context.out().flush();
        if (!force) {
            return StepResult.failed("not ready for a drill (pass --force to run it anyway): "
                    + String.join("; ", problems), ExitCode.NOT_READY);
        }
        return StepResult.ran("not ready, going ahead because of --force: " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s"), Map.of("problems", problems));
    }
}
