package dr.runbooks.builtin;

import dr.core.ExitCode;
import dr.core.engine.StepResult;
import dr.runbooks.step.Terminal;

import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.util.Map;

/**
 * Asks the operator "Continue? [y/N]" before the steps after it run. {@code --yes} answers for them; with no terminal
 * and no {@code --yes} the run stops with bad input (exit 2) rather than going ahead unasked.
 */
final class ApprovalAction implements RunbookAction {
    static final String NO_TERMINAL = "approval needed: run on a terminal or pass --yes";

    private final String message;

    ApprovalAction(String message) {
        this.message = message;
    }

    @Override
    public StepResult execute(ActionContext context) {
        if (context.yes()) {
            return StepResult.ran("approved by --yes", Map.of("approvedBy", "--yes"));
        }
        if (!context.terminal().interactive()) {
            return StepResult.failed(NO_TERMINAL, ExitCode.BAD_INPUT);
        }
        String answer = context.terminal().readLine(prompt());
        if (isYes(answer)) {
            return StepResult.ran("approved at the terminal", Map.of("approvedBy", "terminal"));
        }
        return StepResult.failed("not approved at the terminal; stopped before the steps after '"
                + context.stepId() + "'");
    }

    private String prompt() {
        return message == null || message.isBlank() ? "Continue? [y/N] " : message.strip() + "\nContinue? [y/N] ";
    }

    private static boolean isYes(String answer) {
        return Terminal.isYes(answer);
    }
}
