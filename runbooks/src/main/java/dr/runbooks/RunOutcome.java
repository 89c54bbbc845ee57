package dr.runbooks;

import dr.core.ExitCode;

/** What a command's runbook run answers with: the run's result, whose exit code and success it shares. */
public interface RunOutcome {
    RunbookResult result();

    default ExitCode exitCode() {
        return result().exitCode();
    }

    default boolean succeeded() {
        return result().succeeded();
    }
}
