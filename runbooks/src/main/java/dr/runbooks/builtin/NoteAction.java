package dr.runbooks.builtin;

import dr.core.engine.StepResult;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.util.Map;

/** Puts a message in the run's output, journal and report, e.g. "announce the drill in #ops before this". */
final class NoteAction implements RunbookAction {
    private final String message;

    NoteAction(String message) {
        this.message = message;
    }

    @Override
    public StepResult execute(ActionContext context) {
        context.out().println("note: " + message);
        context.out().flush();
        return StepResult.ran(message, Map.of("message", message));
    }
}
