package dr.runbooks.actions;

import dr.runbooks.RunbookCatalog;
import dr.core.clock.Clock;
import dr.core.config.ConfigKey;
import dr.core.config.StackConfig;
import dr.core.config.StackSpecResolver;
import dr.core.config.StackTarget;
import dr.core.engine.Journal;
import dr.regions.aws.AwsClients;
import dr.regions.aws.AwsErrorClassifier;
import dr.regions.dataplane.DataPlane;
import dr.regions.inmemory.InMemoryCloud;
import dr.runbooks.Operations;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookContext;
import dr.runbooks.RunbookLauncher;
import dr.runbooks.JournaledRun;
import dr.runbooks.RunbookResult;
import dr.runbooks.RunbookRunner;
import dr.runbooks.builtin.Runbooks;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a built-in runbook against an in-memory cloud the way the CLI does: the shipped registry, the AWS context as
 * the {@link Operations} attribute, the cloud's modeled clock, the AWS error classifier, one journal per runbook.
 */
public final class OperationsRun implements RunbookLauncher {
    private final AwsClients clients;
    private final DataPlane dataPlane;
    private final Clock clock;
    private final StackTarget target;
    private final Path directory;
    private boolean yes = true;
    private Consumer<Journal.Entry> afterEachRecord = entry -> { };
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final StringWriter err = new StringWriter();

    public OperationsRun(InMemoryCloud cloud, StackTarget target, Path directory) {
        this(cloud, cloud.dataPlane(), cloud.world().clock(), target, directory);
    }

    /**
     * Over clients that wrap an in-memory cloud (e.g. to make one call fail), with that cloud's clock. Such runs have
     * no data plane: a runbook that looks at the edge or DNS needs the cloud itself.
     */
    public OperationsRun(AwsClients clients, Clock clock, StackTarget target, Path directory) {
        this(clients, null, clock, target, directory);
    }

    private OperationsRun(AwsClients clients, DataPlane dataPlane, Clock clock, StackTarget target, Path directory) {
        this.clients = clients;
        this.dataPlane = dataPlane;
        this.clock = clock;
        this.target = target;
        this.directory = directory;
    }

    /** Stack {@code dr} with the given regions (null: not given). */
    public static StackTarget target(String primary, String dr) {
        return new StackSpecResolver().resolve(StackConfig.builder().option(ConfigKey.STACK, "dr")
                .option(ConfigKey.PRIMARY, primary).option(ConfigKey.DR, dr).build(), false);
    }

    /** Shared with the run's actions, as the CLI shares e.g. the regions it located. */
    public OperationsRun attribute(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    public OperationsRun yes(boolean value) {
        this.yes = value;
        return this;
    }

    @Override
    public Journal journal(String runbook) {
        return new Journal(directory.resolve("journal").resolve(runbook + ".jsonl"), clock, afterEachRecord);
    }

    /** Calls {@code hook} after each journal record is on disk, e.g. to die there as a killed process would. */
    public OperationsRun afterEachJournalRecord(Consumer<Journal.Entry> hook) {
        this.afterEachRecord = hook;
        return this;
    }

    public Path reports() {
        return directory.resolve("reports");
    }

    public RunbookRunner runner(String runbook) {
        return runner(Runbooks.catalog().load(runbook));
    }

    /** For a runbook of one's own, e.g. loaded from a test's YAML text. */
    public RunbookRunner runner(Runbook runbook) {
        RunbookContext context = RunbookContext.builder()
                .clock(clock)
                .journal(journal(runbook.name()))
                .yes(yes)
                .errorClassifier(new AwsErrorClassifier())
                .attribute(Operations.ATTRIBUTE, new Operations(clients, dataPlane, target, true, reports()))
                .build();
        attributes.forEach(context::putAttribute);
        return new RunbookRunner(runbook, context);
    }

    public RunbookResult run(String runbook) {
        return runner(runbook).run();
    }

    public RunbookResult resume(String runbook) {
        return runner(runbook).resume();
    }

    // As a launcher, for the operations' entry points (StackCleanup, ReplicaPromotion ...) the CLI calls.

    @Override
    public Operations operations() {
        return new Operations(clients, dataPlane, target, true, reports());
    }

    @Override
    public RunbookCatalog catalog() {
        return Runbooks.catalog();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public PrintWriter err() {
        return new PrintWriter(err, true);
    }

    /** What the entry points told the operator on standard error. */
    public String errText() {
        return err.toString();
    }

    @Override
    public RunbookResult runOrResume(Runbook runbook, Map<String, Object> more) {
        RunbookRunner runner = runner(runbook, more);
        return JournaledRun.last(journal(runbook.name())).filter(last -> !last.finished()).isPresent()
                ? runner.resume() : runner.run();
    }

    @Override
    public RunbookResult run(Runbook runbook, Map<String, Object> more) {
        return runner(runbook, more).run();
    }

    @Override
    public RunbookResult recover(Runbook runbook, Map<String, Object> more) {
        return runner(runbook, more).recover();
    }

    @Override
    public RunbookResult runReadOnly(Runbook runbook, Map<String, Object> more) {
        return runner(runbook, more).run();
    }

    private RunbookRunner runner(Runbook runbook, Map<String, Object> more) {
        more.forEach(this::attribute);
        return runner(runbook);
    }
}
