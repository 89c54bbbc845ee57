package dr.runbooks.actions.drill;

import dr.regions.drill.DrillDiscovery;
import dr.regions.drill.DrillPreflight;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.ActionResult;
import dr.runbooks.step.RunbookAction;

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
    public ActionResult execute(ActionContext context) {
        DrillDiscovery.Discovered discovered = DrillContext.discover(context);
        DrillContext.record(context, discovered.topology());
        DrillPreflight preflight = new DrillPreflight(DrillContext.operations(context).clients());
        List<String> problems = preflight.problems(discovered, fault.label());
        List<String> notes = preflight.notes(discovered);
        notes.forEach(note -> context.out().println("preflight note: " + note));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("problems", problems);
        record.put("notes", notes);
        record.put("forced", force && !problems.isEmpty());
        context.record(DrillRecords.PREFLIGHT, record);
        if (problems.isEmpty()) {
            return ActionResult.done("ready for a drill of stack " + discovered.topology().stack() + " ("
                    + discovered.topology().primaryRegion() + " → " + discovered.topology().drRegion() + ")",
                    Map.of("problems", List.of()));
        }
        problems.forEach(problem -> context.out().println("preflight: " + problem));
        context.out().flush();
        if (!force) {
            return ActionResult.notReady("not ready for a drill (pass --force to run it anyway): "
                    + String.join("; ", problems));
        }
        return ActionResult.done("not ready, going ahead because of --force: " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s"), Map.of("problems", problems));
    }
}
