package dr.runbooks;

import dr.core.clock.Clock;
import dr.core.engine.Journal;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * How an operation's entry point (cleanup, promotion, status) runs its runbook for a caller: the caller (the CLI's
 * session) owns the journal files, the AWS context, live progress and what Ctrl-C does; the entry point owns what the
 * run is about. {@code attributes} are shared with the run's actions.
 */
public interface RunbookLauncher {
    /** The AWS context the actions work on. */
    Operations operations();

    Clock clock();

    /** The runbooks and step types the run may load (the built-ins live above the actions, so they are handed in). */
    RunbookCatalog catalog();

    /** Where lines for the operator go (standard error), outside the result. */
    PrintWriter err();

    /** The journal of {@code runbook}'s runs. */
    Journal journal(String runbook);

    /** The journal's last run of {@code runbook}, when it did not finish (the process died): what a run resumes. */
    default Optional<JournaledRun> unfinished(Runbook runbook) {
        return unfinished(journal(runbook.name()), runbook);
    }

    /** The last run of {@code runbook} in {@code journal}, when it did not finish. */
    static Optional<JournaledRun> unfinished(Journal journal, Runbook runbook) {
        return JournaledRun.last(journal).filter(last -> last.runbook().equals(runbook.name()) && !last.finished());
    }

    /** Resumes the last run of {@code runbook} if it did not finish, else runs it afresh. */
    RunbookResult runOrResume(Runbook runbook, Map<String, Object> attributes);

    /** Runs {@code runbook} afresh. */
    RunbookResult run(Runbook runbook, Map<String, Object> attributes);

    /** Runs only the always-steps the journal's last run of {@code runbook} left pending (it died). */
    RunbookResult recover(Runbook runbook, Map<String, Object> attributes);

    /** Runs a read-only runbook with a journal of its own, discarded afterwards. */
    RunbookResult runReadOnly(Runbook runbook, Map<String, Object> attributes);
}
