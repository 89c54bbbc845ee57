package dr.cli.runtime;

import dr.runbooks.builtin.Runbooks;
import dr.runbooks.RunbookCatalog;
import dr.cli.output.Printer;
import dr.core.clock.Clock;
import dr.core.clock.SystemClock;
import dr.core.engine.Journal;
import dr.regions.aws.AwsErrorClassifier;
import dr.runbooks.JournaledRun;
import dr.runbooks.Operations;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookContext;
import dr.runbooks.RunbookLauncher;
import dr.runbooks.RunbookResult;
import dr.runbooks.RunbookRunner;
import dr.runbooks.step.Terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a runbook for a command: the journal under {@code .dr/journal/<stack>/<runbook>.jsonl} (next to the
 * sandbox file when there is one), the AWS context for the actions, live progress, and a shutdown hook so that
 * Ctrl-C still runs the runbook's always-steps (e.g. the drill's restore) before the process ends.
 */
public final class RunbookSession implements RunbookLauncher {
    private final CommandContext context;
    private final Path reportDirectory;
    private final ShutdownHooks hooks;
    private volatile Consumer<RunbookResult> onInterrupt = result -> { };

    public RunbookSession(CommandContext context, Path reportDirectory) {
        this(context, reportDirectory, ShutdownHooks.RUNTIME);
    }

    public RunbookSession(CommandContext context, Path reportDirectory, ShutdownHooks hooks) {
        this.context = context;
        this.reportDirectory = reportDirectory;
        this.hooks = hooks;
    }

    /**
     * What the Ctrl-C hook does once the run's always-steps are done, with the run as it then stands: the process
     * ends right after, so this is where a command prints its result (the main thread may never get to it).
     */
    public void onInterrupt(Consumer<RunbookResult> action) {
        this.onInterrupt = action;
    }

    @Override
    public RunbookResult run(Runbook runbook, Map<String, Object> attributes) {
        return execute(runbook, journal(runbook.name()), attributes, RunbookRunner::run);
    }

    @Override
    public Operations operations() {
        return new Operations(context.clients(), context.dataPlane(), context.target().orElseThrow(), context.connection().isSandbox(),
                reportDirectory);
    }

    @Override
    public RunbookCatalog catalog() {
        return Runbooks.catalog();
    }

    @Override
    public Clock clock() {
        return context.clock();
    }

    @Override
    public PrintWriter err() {
        return context.err();
    }

    /**
     * Resumes the journal's last run of {@code runbook} if it did not finish (the process died; saying so on stderr),
     * else runs it afresh. {@code attributes} are shared with its actions.
     */
    @Override
    public RunbookResult runOrResume(Runbook runbook, Map<String, Object> attributes) {
        Optional<JournaledRun> unfinished = unfinished(runbook);
        unfinished.ifPresent(last -> context.err().println("dr: resuming the " + runbook.name() + " run started "
                + last.startedAt() + " that did not finish (done already: "
                + String.join(", ", last.finishedSteps().keySet()) + ")"));
        return execute(runbook, journal(runbook.name()), attributes,
                unfinished.isPresent() ? RunbookRunner::resume : RunbookRunner::run);
    }

    /**
     * Runs a read-only runbook ({@code dr status}) with a journal of its own, deleted afterwards: such a run has
     * nothing to resume or undo, and a status run every few minutes must not grow a journal forever.
     * {@code attributes} are shared with its actions (e.g. the regions the command already located).
     */
    @Override
    public RunbookResult runReadOnly(Runbook runbook, Map<String, Object> attributes) {
        Path file;
        try {
            file = Files.createTempFile("dr-" + runbook.name() + "-", ".jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a journal for " + runbook.name(), e);
        }
        try {
            return execute(runbook, new Journal(file, context.clock()), attributes, RunbookRunner::run);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temporary file is harmless
            }
        }
    }

    /** Runs only the always-steps a crashed run left pending ({@code dr failover restore}). */
    @Override
    public RunbookResult recover(Runbook runbook, Map<String, Object> attributes) {
        return execute(runbook, journal(runbook.name()), attributes, RunbookRunner::recover);
    }

    @Override
    public Journal journal(String runbookName) {
        return new Journal(journalFile(runbookName), context.clock());
    }

    /**
     * {@link #unfinished}, read before the command's cloud session opens (nor its stack lock is taken): a journal
     * being read asks no clock, so the system's stands in for the session's.
     */
    public boolean unfinishedBeforeLock(Runbook runbook) {
        return RunbookLauncher.unfinished(new Journal(journalFile(runbook.name()), new SystemClock()), runbook)
                .isPresent();
    }

    private Path journalFile(String runbookName) {
        return journalDirectory().resolve(context.target().orElseThrow().stack()).resolve(runbookName + ".jsonl");
    }

    private RunbookResult execute(Runbook runbook, Journal journal, Map<String, Object> attributes,
                                  Function<RunbookRunner, RunbookResult> how) {
        Operations operations = operations();
        RunbookContext runbookContext = RunbookContext.builder()
                .clock(context.clock())
                .journal(journal)
                .yes(context.assumeYes())
                .out(narration())
                .terminal(Terminal.system())
                .errorClassifier(new AwsErrorClassifier())
                .progress(context.progress())
                .attribute(Operations.ATTRIBUTE, operations)
                .build();
        attributes.forEach(runbookContext::putAttribute);
        RunbookRunner runner = new RunbookRunner(runbook, runbookContext);
        Thread hook = new Thread(() -> onInterrupt.accept(runner.interrupt()), "dr-interrupt");
        hooks.add(hook);
        try {
            return how.apply(runner);
        } finally {
            hooks.remove(hook);
        }
    }

    /** Where the steps tell the operator what they do: stderr, except with -q (only errors and the result). */
    private PrintWriter narration() {
        return context.output().verbosity() == OutputSettings.Verbosity.QUIET
                ? new PrintWriter(Writer.nullWriter()) : context.err();
    }

    private Path journalDirectory() {
        Path base = context.connection().sandbox().map(file -> file.toAbsolutePath().getParent())
                .orElse(Path.of(".dr"));
        return base.resolve("journal");
    }
}
