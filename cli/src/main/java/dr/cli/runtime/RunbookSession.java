package dr.cli.runtime;

import dr.cli.output.Printer;
import dr.core.engine.Journal;
import dr.regions.aws.AwsErrorClassifier;
import dr.runbooks.Operations;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookContext;
import dr.runbooks.RunbookResult;
import dr.runbooks.RunbookRunner;
import dr.runbooks.step.Terminal;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Runs a runbook for a command: the journal under {@code .dr/journal/<stack>/<runbook>.jsonl} (next to the
 * sandbox file when there is one), the AWS context for the actions, live progress, and a shutdown hook so that
 * Ctrl-C still runs the runbook's always-steps (e.g. the drill's restore) before the process ends.
 */
public final class RunbookSession {
    private final CommandContext context;
    private final Path reportDirectory;

    public RunbookSession(CommandContext context, Path reportDirectory) {
        this.context = context;
        this.reportDirectory = reportDirectory;
    }

    public RunbookResult run(Runbook runbook) {
        return execute(runbook, RunbookRunner::run);
    }

    /** Runs only the always-steps a crashed run left pending ({@code dr failover restore}). */
    public RunbookResult recover(Runbook runbook) {
        return execute(runbook, RunbookRunner::recover);
    }

    public Journal journal(String runbookName) {
        return new Journal(journalDirectory().resolve(context.spec().stack()).resolve(runbookName + ".jsonl"),
                context.clock());
    }

    private RunbookResult execute(Runbook runbook, Function<RunbookRunner, RunbookResult> how) {
        Operations operations = new Operations(context.clients(), context.target().orElseThrow(),
                context.connection().isSandbox(), reportDirectory);
        RunbookContext runbookContext = RunbookContext.builder()
                .clock(context.clock())
                .journal(journal(runbook.name()))
                .yes(context.assumeYes())
                .out(context.err())
                .terminal(Terminal.system())
                .errorClassifier(new AwsErrorClassifier())
                .progress(Printer.progress(context))
                .attribute(Operations.ATTRIBUTE, operations)
                .build();
        RunbookRunner runner = new RunbookRunner(runbook, runbookContext);
        Thread hook = new Thread(runner::interrupt, "dr-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return how.apply(runner);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already shutting down and the hook is running the always-steps; nothing to undo.
            }
        }
    }

    private Path journalDirectory() {
        Path base = context.connection().sandbox().map(file -> file.toAbsolutePath().getParent())
                .orElse(Path.of(".dr"));
        return base.resolve("journal");
    }
}
