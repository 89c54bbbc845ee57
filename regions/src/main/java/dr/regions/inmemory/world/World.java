package dr.regions.inmemory.world;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dr.core.clock.VirtualClock;
import dr.core.model.Regions;
import dr.regions.aws.AwsClients;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * The in-memory cloud's whole state: every region, the global services, the modeled clock and the id counter.
 * One lock guards it all (the service proxies synchronize on the world), which keeps the fakes simple.
 * Fault injection and call counters are transient: they belong to a test run, not to the sandbox file.
 */
public final class World {
    public static final String ACCOUNT_ID = "123456789012";

    public Ids ids = new Ids();
    public Map<String, RegionState> regions = new TreeMap<>();
    public Route53State route53 = new Route53State();
    public CloudFrontState cloudFront = new CloudFrontState();
    public IamState iam = new IamState();
    public Dependencies dependencies = new Dependencies();
    /** The opt-in regions this account has enabled ({@link AccountRegions}); none in a fresh account. */
    public java.util.Set<String> optedInRegions = new java.util.TreeSet<>();

    @JsonIgnore
    private final transient Faults faults = new Faults();
    @JsonIgnore
    private final transient CallLog calls = new CallLog();
    @JsonIgnore
    private final transient VirtualClock clock = new VirtualClock();
    @JsonIgnore
    private transient AwsClients services;
    @JsonIgnore
    private final transient List<LongConsumer> afterEachChange = new CopyOnWriteArrayList<>();
    @JsonIgnore
    private transient long changes;

    /**
     * The modeled clock; its time is saved with the sandbox as {@code now} (by {@code WorldJson}; the Jackson
     * annotations here and on the transient fields are for databind, which the codec's tests take as the reference).
     */
    public VirtualClock clock() {
        return clock;
    }

    @JsonProperty("now")
    public Instant time() {
        return clock.now();
    }

    @JsonProperty("now")
    void setTime(Instant now) {
        clock.set(now);
    }

    /** The state of a known region, created on first use. An unknown region name is a bug in the caller. */
    public synchronized RegionState region(String region) {
        if (!Regions.isKnown(region)) {
            throw new IllegalArgumentException("unknown region " + region);
        }
        return regions.computeIfAbsent(region, r -> new RegionState());
    }

    @JsonIgnore
    public Faults faults() {
        return faults;
    }

    @JsonIgnore
    public CallLog calls() {
        return calls;
    }

    /**
     * The service fakes over this world, unwrapped (no injected faults, no call log): how one fake asks another, as
     * AWS's services ask each other internally. The in-memory cloud that assembles the fakes connects them; asking
     * through here keeps each service's package independent of the others'.
     */
    @JsonIgnore
    public AwsClients services() {
        if (services == null) {
            throw new IllegalStateException("this world's services are not connected: build an InMemoryCloud over it");
        }
        return services;
    }

    /**
     * Runs {@code listener} after every mutating call the cloud accepted, with that change's number ({@link
     * #countChange}), before the call returns to its caller: the sandbox saves its file there, as durable as AWS is
     * once it answered. It runs outside the world's lock, so calls made meanwhile on other threads may share one save.
     * Listeners run in the order they were added.
     */
    public void addChangeListener(LongConsumer listener) {
        afterEachChange.add(listener);
    }

    public void removeChangeListener(LongConsumer listener) {
        afterEachChange.remove(listener);
    }

    /** Numbers one accepted mutating call; called under the world's lock, as the call is made. */
    public synchronized long countChange() {
        return ++changes;
    }

    /** How many mutating calls this world accepted since it was loaded. */
    public synchronized long changes() {
        return changes;
    }

    /** Called by the service proxies once mutating call number {@code change} returned. */
    public void changed(long change) {
        afterEachChange.forEach(listener -> listener.accept(change));
    }

    /** Called by the in-memory cloud's assembly only. */
    public void connect(AwsClients fakes) {
        this.services = fakes;
    }

    public String arn(String service, String region, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + ACCOUNT_ID + ":" + resource;
    }

}
