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
import dr.regions.discovery.StackResource;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

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
     * @throws DrException (exit 1) when a region or the global services cannot be read: deleting half a stack
     *                     blind to the other half could break the order AWS needs (replica before primary)
     */
    public CleanupPlan plan() {
        Inventory inventory = scan();
        if (!inventory.complete()) {
            throw DrException.failed("cannot read all of stack " + stack + ", nothing deleted: "
                    + describe(inventory.unreachable()));
        }
        String snapshotSuffix = SNAPSHOT_TIME.format(clock.now());
        return new CleanupPlan(inventory, new CleanupPlanner(clients, options, snapshotSuffix).plan(inventory));
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
                return new StackInventory(clients, stack).scan(regions);
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
        ExecutionResult result = new Executor(clock, new AwsErrorClassifier(), listener, settings).run(plan.plan());
        Inventory after = scan();
        List<CleanupReport.Remaining> remaining = after.resources().stream()
                .map(r -> new CleanupReport.Remaining(r.region(), r.kind().awsType(), r.id(), r.role(), r.state()))
                .toList();
        List<CleanupReport.Remaining> unread = after.unreachable().entrySet().stream()
                .map(e -> new CleanupReport.Remaining(e.getKey(), "unreachable", e.getKey(), "not verified",
                        e.getValue()))
                .toList();
        List<CleanupReport.Remaining> left = new ArrayList<>(remaining);
        left.addAll(unread);
        return new CleanupReport(stack, regionsOf(plan.inventory()), result,
                KeptSnapshots.find(clients, stack, plan.inventory().regions()), left);
    }

    private static List<String> regionsOf(Inventory inventory) {
        List<String> all = new ArrayList<>(inventory.regions());
        inventory.resources().stream().map(StackResource::region).filter(r -> !all.contains(r)).distinct()
                .forEach(all::add);
        return all;
    }

    private static String describe(Map<String, String> unreachable) {
        StringBuilder text = new StringBuilder();
        unreachable.forEach((region, error) -> text.append(text.length() == 0 ? "" : "; ").append(region)
                .append(": ").append(error));
        return text.toString();
    }
}
