package dr.regions.inmemory.world;

import dr.core.model.Regions;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Faults a test switches on in the in-memory cloud: throttling on a fraction of calls, a simulated process
 * death at the N-th mutating call, whole regions unreachable, and eventual consistency (a describe right
 * after a create misses the new resource once), replication stress (a loaded primary, a degraded network between
 * regions: cross-region replica lag rises), and an operation answered with a bare error (an HTTP status, no
 * error code, no message: what the SDK raises for an empty error body).
 *
 * <p>A region that is down takes its own APIs and traffic into it down, and, for {@value Regions#GLOBAL_EDGE}, the
 * control planes of the global services that live there too: the Route 53 API and the CloudFront API (WAF's
 * CLOUDFRONT scope and ACM for CloudFront are us-east-1 endpoints anyway). Their data planes keep working: Route 53's
 * health checkers and name servers, and CloudFront's edges and origin failover ("AWS Fault Isolation Boundaries",
 * global services: recovery must depend on data planes only).
 *
 * <p>Only dr's own calls see that miss: {@code ServiceProxy} runs each call as a {@link #toolCall tool call}, and a
 * fake that asks another fake about its resources does so in an {@link #internal internal} scope.
 */
public final class Faults {
    /** Where a simulated crash happens relative to the mutating call it is attached to. */
    public enum CrashPoint {
        /** The call never reaches AWS. */
        BEFORE_CALL,
        /** AWS applied the change but the process died before it saw the answer: the harder case. */
        AFTER_CALL
    }

    private double throttleFraction;
    private Random throttleRandom = new Random(7);
    private long crashAtMutatingCall = -1;
    private CrashPoint crashPoint = CrashPoint.AFTER_CALL;
    private long mutatingCalls;
    private final Set<String> unreachableRegions = new HashSet<>();
    private boolean eventualConsistency;
    private final Set<String> notYetVisible = new HashSet<>();
    /** Operations answered with a bare error: {@code service:Operation@region} (or {@code *}) → HTTP status. */
    private final Map<String, Integer> bareErrors = new HashMap<>();
    /** Regions whose databases take more writes than their cross-region replicas can apply: replica lag grows. */
    private final Set<String> loadedRegions = new HashSet<>();
    /** Pairs of regions ({@code a|b}, sorted) whose network path is degraded: replication falls behind. */
    private final Set<String> degradedLinks = new HashSet<>();
    /** Per thread: whether the call running now is dr's own (through ServiceProxy), not one fake asking another. */
    private final ThreadLocal<Boolean> toolIsAsking = ThreadLocal.withInitial(() -> false);

    public synchronized Faults throttle(double fraction, long seed) {
        this.throttleFraction = fraction;
        this.throttleRandom = new Random(seed);
        return this;
    }

    /** The {@code n}-th mutating call (1-based, counted from now) kills the process. */
    public synchronized Faults crashAtMutatingCall(long n, CrashPoint point) {
        this.crashAtMutatingCall = mutatingCalls + n;
        this.crashPoint = point;
        return this;
    }

    public synchronized Faults noCrash() {
        this.crashAtMutatingCall = -1;
        return this;
    }

    public synchronized Faults regionUnreachable(String region) {
        unreachableRegions.add(region);
        return this;
    }

    public synchronized Faults regionReachable(String region) {
        unreachableRegions.remove(region);
        return this;
    }

    /**
     * The databases of {@code region} are under a write load their cross-region read replicas cannot keep up with:
     * the replicas' {@code ReplicaLag} rises while it lasts and falls back once it ends (until {@link #clear}).
     */
    public synchronized Faults primaryLoaded(String region) {
        loadedRegions.add(region);
        return this;
    }

    /**
     * The network between two regions is degraded (loss, low throughput), but up: replication between them falls
     * behind, the APIs and traffic of both regions still work (until {@link #clear}).
     */
    public synchronized Faults networkDegraded(String regionA, String regionB) {
        degradedLinks.add(link(regionA, regionB));
        return this;
    }

    public synchronized boolean isLoaded(String region) {
        return loadedRegions.contains(region);
    }

    public synchronized boolean isNetworkDegraded(String regionA, String regionB) {
        return degradedLinks.contains(link(regionA, regionB));
    }

    private static String link(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    public synchronized Faults eventualConsistency(boolean on) {
        this.eventualConsistency = on;
        if (!on) {
            notYetVisible.clear();
        }
        return this;
    }

    /**
     * Every call of {@code operation} (the API's name, e.g. {@code ListRecoveryPointsByBackupVault}) to
     * {@code service} (its ARN namespace, e.g. {@code backup}; null: any) in {@code region} (null: any; Route 53
     * and CloudFront are {@code global}) is answered with a service exception of HTTP {@code status} that carries no
     * error code and no message, until {@link #clear}.
     */
    public synchronized Faults bareError(String service, String operation, String region, int status) {
        bareErrors.put(key(service, operation, region), status);
        return this;
    }

    /**
     * Every call of every service in {@code region} is answered with a bare HTTP {@code status} (a region in trouble:
     * 500/503, or 403 as a service control policy's deny), until {@link #clear}. Unlike {@link #regionUnreachable}
     * the region answers, so the SDK raises service exceptions, not client exceptions.
     */
    public synchronized Faults regionAnswers(String region, int status) {
        bareErrors.put(key(null, "*", region), status);
        return this;
    }

    /** {@link #bareError} for {@code operation} of any service in any region. */
    public synchronized Faults bareError(String operation, int status) {
        return bareError(null, operation, null, status);
    }

    public synchronized Optional<Integer> bareErrorFor(String service, String operation, String region) {
        for (String key : new String[] {key(service, operation, region), key(null, operation, region),
                key(service, operation, null), key(null, operation, null), key(null, "*", region)}) {
            if (bareErrors.containsKey(key)) {
                return Optional.of(bareErrors.get(key));
            }
        }
        return Optional.empty();
    }

    private static String key(String service, String operation, String region) {
        return (service == null ? "*" : service) + ":" + operation + "@" + (region == null ? "*" : region);
    }

    public synchronized Faults clear() {
        bareErrors.clear();
        throttleFraction = 0;
        crashAtMutatingCall = -1;
        unreachableRegions.clear();
        loadedRegions.clear();
        degradedLinks.clear();
        eventualConsistency = false;
        notYetVisible.clear();
        return this;
    }

    public synchronized boolean shouldThrottle() {
        return throttleFraction > 0 && throttleRandom.nextDouble() < throttleFraction;
    }

    /** Whether calls to, and traffic into, {@code region} fail: a regional outage. */
    public synchronized boolean isUnreachable(String region) {
        return unreachableRegions.contains(region);
    }

    /**
     * Whether an API call to {@code service} at {@code region} fails: the region is down, or the service is global
     * ({@code region} is then {@code global}) and its control plane's region, {@value Regions#GLOBAL_EDGE}, is down.
     */
    public synchronized boolean isApiUnreachable(Service service, String region) {
        return unreachableRegions.contains(region)
                || service.isGlobal() && unreachableRegions.contains(Regions.GLOBAL_EDGE);
    }

    /** Counts a mutating call; true when this is the one that dies. */
    public synchronized boolean countMutatingCallAndCheckCrash() {
        mutatingCalls++;
        return mutatingCalls == crashAtMutatingCall;
    }

    public synchronized CrashPoint crashPoint() {
        return crashPoint;
    }

    public synchronized long mutatingCalls() {
        return mutatingCalls;
    }

    /** Fakes call this when they create a resource. */
    public synchronized void created(String id) {
        if (eventualConsistency) {
            notYetVisible.add(id);
        }
    }

    /**
     * Fakes call this for each resource a describe/list would return: false once for a freshly created
     * resource while eventual consistency is on (the describe "misses" it), true afterwards. Only a
     * {@link #toolCall tool call} consumes that miss; everywhere else the resource is simply visible.
     */
    public synchronized boolean visible(String id) {
        return !toolIsAsking.get() || !notYetVisible.remove(id);
    }

    /**
     * Runs one call dr makes through {@code ServiceProxy}: the only kind of call that may consume an
     * eventual-consistency miss, since the fault models what dr sees of AWS.
     */
    public <T> T toolCall(Callable<T> call) throws Exception {
        return askedByTool(true, call::call);
    }

    /**
     * Runs a call one fake makes on another (ELB looking up a subnet, say). The eventual-consistency miss is
     * meant for dr's own describes, so inside this scope {@link #visible} is true and leaves the pending miss
     * for dr; without it an internal lookup would fail, or use up the miss dr's next describe should see.
     */
    public <T> T internal(Supplier<T> lookup) {
        return askedByTool(false, lookup::get);
    }

    private <T, E extends Exception> T askedByTool(boolean tool, Scoped<T, E> call) throws E {
        boolean outer = toolIsAsking.get();
        toolIsAsking.set(tool);
        try {
            return call.run();
        } finally {
            toolIsAsking.set(outer);
        }
    }

    private interface Scoped<T, E extends Exception> {
        T run() throws E;
    }
}
