package dr.cli.runtime;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.runbooks.step.Terminal;

/**
 * "Are you sure?" before a destructive command: passes with {@code --yes}, asks on a terminal, and fails safe
 * (exit 2) when there is neither, so a script never deletes by accident. Same rules as a runbook's approval step.
 */
public final class Confirmation {
    private Confirmation() {
    }

    public static void require(CommandContext context, String question) {
        require(context, question, Terminal.system());
    }

    static void require(CommandContext context, String question, Terminal terminal) {
        if (context.assumeYes()) {
            return;
        }
        if (!terminal.interactive()) {
            throw DrException.badInput("confirmation needed: run on a terminal or pass --yes");
        }
        if (!Terminal.isYes(terminal.readLine(question + " [y/N] "))) {
            throw new DrException(ExitCode.FAILED, "cancelled: nothing was changed");
        }
    }
}
