package dr.runbooks.step;

import dr.core.clock.Clock;
import dr.core.engine.Executor;
import dr.core.engine.Journal;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a running action can see and do: the run's clock, output, terminal and shared state, and its journal. */
public interface ActionContext {
    /** The runbook's name, e.g. {@code failover-drill}. */
    String runbook();

    /** The id of the step being run, e.g. {@code inject-fault}. */
    String stepId();

    Clock clock();

    /** Where the run writes for the operator (progress is separate). Never standard output by default. */
    PrintWriter out();

    /**
     * An engine executor for an action that runs a plan of its own (cleanup's deletions, in the order AWS needs and in
     * parallel where it allows): the run's clock, error classifier and settings, its steps shown as progress.
     */
    Executor executor();

    /**
     * True once the run was interrupted (Ctrl-C) while this step runs, for an action that works through a plan of its
     * own ({@code executor().run(plan.stopWhen(context::interrupted))}); never for an always-step, which must finish.
     */
    boolean interrupted();

    /** True when the operator passed {@code --yes}: no confirmation questions. */
    boolean yes();

    Terminal terminal();

    /** A value the caller or an earlier action put in the run's shared attributes (e.g. the AWS clients). */
    <T> Optional<T> attribute(String name, Class<T> type);

    /** Like {@link #attribute} but it must be there: a missing one is a bug in how the run was set up. */
    default <T> T requireAttribute(String name, Class<T> type) {
        return attribute(name, type).orElseThrow(() -> new IllegalStateException(
                "runbook attribute '" + name + "' (" + type.getSimpleName() + ") is not set"));
    }

    /** Shares {@code value} with later actions of this run; in memory only (use {@link #record} for crash safety). */
    void putAttribute(String name, Object value);

    /** The outputs of a finished step of this run, also of one finished before a crash and resume; empty if none. */
    Map<String, Object> outputs(String stepId);

    /**
     * Journals {@code data} under {@code type}, keyed by this step, forced to disk before this returns: for anything
     * that must survive a crash, such as the exact security-group rules about to be revoked. Plain JSON values only.
     */
    void record(String type, Map<String, Object> data);

    /** The records of this run of type {@code type}, oldest first, including those of attempts before a resume. */
    List<Journal.Entry> records(String type);
}
