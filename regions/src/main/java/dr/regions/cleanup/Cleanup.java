package dr.regions.cleanup;

import dr.core.DrException;
import dr.core.clock.Clock;
import dr.core.engine.ErrorClassifier;
import dr.core.engine.ExecutionResult;
import dr.core.engine.Executor;
import dr.core.engine.ExecutorSettings;
import dr.core.engine.ProgressListener;
import dr.core.engine.RetryPolicy;
import dr.core.report.CleanupReport;
import dr.regions.aws.AwsClients;
import dr.regions.aws.AwsErrorClassifier;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.StackInventory;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * {@code dr cleanup}: find everything tagged with the stack ({@link StackInventory}), turn it into a plan of
 * deletion steps in an order AWS accepts, run it on the engine, then look again: the report says what was deleted,
 * which final snapshots were kept, what failed, and whether anything of the stack remains. Resumable: a re-run
 * after a crash finds only what is left. Never touches a resource without the stack's tag. The CLI confirms with
 * the operator between {@link #plan()} and {@link #run(CleanupPlan, ProgressListener)}.
 */
public final class Cleanup {
    private static final DateTimeFormatter SNAPSHOT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private static final AwsErrorClassifier CLASSIFIER = new AwsErrorClassifier();
    private final String stack;
    private final List<String> regions;
    private final AwsClients clients;
    private final Clock clock;
    private final CleanupOptions options;
    private final ExecutorSettings settings;

    public Cleanup(String stack, List<String> regions, AwsClients clients, Clock clock, CleanupOptions options) {
        this(stack, regions, clients, clock, options, ExecutorSettings.defaults());
    }

    public Cleanup(String stack, List<String> regions, AwsClients clients, Clock clock, CleanupOptions options,
                   ExecutorSettings settings) {
        this.stack = Objects.requireNonNull(stack, "stack");
        this.regions = List.copyOf(regions);
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The inventory and the deletion plan, with read-only calls only (the {@code --dry-run} answer).
     *
     * @throws DrException (exit 1) when a region or the global services cannot be reached: deleting half a stack
     *                     blind to the other half could break the order AWS needs (replica before primary). A kind of
     *                     resource AWS answered with an error for is only not verified: the plan deletes everything
     *                     else, and {@link #remaining()} lists that kind.
     */
    public CleanupPlan plan() {
        return planner().plan(completeInventory());
    }

    /** Like {@link #plan()} for the resources of {@code kinds} only (e.g. a runbook deleting the edge first). */
    public CleanupPlan plan(Set<ResourceKind> kinds) {
        Set<ResourceKind> wanted = Set.copyOf(kinds);
        return planner().plan(completeInventory(), resource -> wanted.contains(resource.kind()));
    }

    private CleanupPlanner planner() {
        return new CleanupPlanner(clients, options, SNAPSHOT_TIME.format(clock.now()));
    }

    private Inventory completeInventory() {
        Inventory inventory = scan();
        if (!inventory.unreachable().isEmpty()) {
            throw DrException.failed("cannot read all of stack " + stack + ", nothing deleted: "
                    + describe(inventory.unreachable()));
        }
        return inventory;
    }

    /**
     * The inventory, its reads retried on throttling like the engine's steps are (they run outside any step, and the
     * in-memory cloud has no SDK retry layer to absorb it).
     */
    private Inventory scan() {
        RetryPolicy policy = settings.retryPolicy(ErrorClassifier.Kind.THROTTLED);
        Random jitter = new Random(stack.hashCode());
        for (int retry = 1; ; retry++) {
            try {
                return new StackInventory(clients, stack).withIdentity().scan(regions);
            } catch (RuntimeException error) {
                if (CLASSIFIER.classify(error) != ErrorClassifier.Kind.THROTTLED || !policy.allows(retry)) {
                    throw error;
                }
                clock.waitFor(policy.delay(retry, jitter));
            }
        }
    }

    /** Plans, runs and verifies in one go (e.g. with {@code --yes}). */
    public CleanupReport run(ProgressListener listener) {
        return run(plan(), listener);
    }

    /** Runs a plan made by {@link #plan()}, then verifies with a fresh inventory. */
    public CleanupReport run(CleanupPlan plan, ProgressListener listener) {
        return report(delete(plan, new Executor(clock, CLASSIFIER, listener, settings)), remaining());
    }

    /** Deletes what {@code plan} lists, on {@code executor} (the caller's progress and settings). */
    public ExecutionResult delete(CleanupPlan plan, Executor executor) {
        return delete(plan, executor, () -> false);
    }

    /**
     * Like {@link #delete(CleanupPlan, Executor)}, starting no deletion and polling none once {@code stop} is true.
     *
     * @throws DrException (exit 1) for a partial plan while resources it needs gone first are still there
     */
    public ExecutionResult delete(CleanupPlan plan, Executor executor, BooleanSupplier stop) {
        if (!plan.runnable()) {
            throw DrException.failed(plan.mustGoFirst().size() + " resource(s) of stack " + stack
                    + " must be deleted before these, nothing deleted: " + plan.mustGoFirst().stream()
                    .map(StackResource::describe).collect(Collectors.joining("; ")));
        }
        return executor.run(plan.plan().stopWhen(stop));
    }

    /** A fresh look for anything still tagged with the stack: what is left, and the regions that could not be read. */
    public List<CleanupReport.Remaining> remaining() {
        Inventory after = scan();
        List<CleanupReport.Remaining> left = new ArrayList<>(after.resources().stream()
                .map(r -> new CleanupReport.Remaining(r.region(), r.kind().awsType(), r.id(), r.role(), r.state()))
                .toList());
        after.unreachable().forEach((region, error) -> left.add(new CleanupReport.Remaining(region, "unreachable",
                region, "not verified", error)));
        after.notVerified().forEach(entry -> left.add(new CleanupReport.Remaining(entry.region(), "not verified",
                entry.what(), "not verified", entry.error().line())));
        return left;
    }

    /** The report of deletions already run, with the final snapshots kept and what {@link #remaining()} found. */
    public CleanupReport report(ExecutionResult result, List<CleanupReport.Remaining> remaining) {
        List<String> all = new ArrayList<>(regions);
        result.outcomes().stream().map(outcome -> outcome.key().region()).filter(r -> !all.contains(r)).distinct()
                .forEach(all::add);
        return new CleanupReport(stack, all, result, KeptSnapshots.find(clients, stack, regions), remaining);
    }

    private static String describe(Map<String, String> unreachable) {
        StringBuilder text = new StringBuilder();
        unreachable.forEach((region, error) -> text.append(text.length() == 0 ? "" : "; ").append(region)
                .append(": ").append(error));
        return text.toString();
    }
}
