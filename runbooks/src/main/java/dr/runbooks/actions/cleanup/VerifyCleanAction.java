package dr.runbooks.actions.cleanup;

import dr.core.engine.StepResult;
import dr.core.report.CleanupReport;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A fresh look for anything still tagged with the stack, in every region it was in and globally. */
final class VerifyCleanAction implements RunbookAction {
    private static final int SHOWN = 5;

    @Override
    public StepResult execute(ActionContext context) {
        List<CleanupReport.Remaining> remaining = CleanupScope.cleanup(context).remaining();
        context.putAttribute(CleanupActions.REMAINING_ATTRIBUTE, remaining);
        if (remaining.isEmpty()) {
            return StepResult.ran("nothing with the stack's tag remains", Map.of("remaining", 0));
        }
        return StepResult.failed(remaining.size() + " resource(s) of the stack remain or could not be checked: "
                + remaining.stream().limit(SHOWN).map(r -> r.region() + " " + r.type() + " " + r.id())
                .collect(Collectors.joining("; ")) + (remaining.size() > SHOWN ? "; ..." : "")
                + "; run the cleanup again to resume");
    }
}
