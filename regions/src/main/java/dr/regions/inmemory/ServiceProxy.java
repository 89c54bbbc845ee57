package dr.regions.inmemory;

import dr.regions.aws.AwsCall;
import dr.regions.inmemory.world.AccountRegions;
import dr.regions.inmemory.world.CallLog;
import dr.regions.inmemory.world.Faults;
import dr.regions.inmemory.world.Service;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Wraps a fake service client so that every call, for all ten services alike, goes through one place:
 * the region-down check (for Route 53 and CloudFront, their control plane's region, us-east-1), throttling, the call
 * log, the world lock, the simulated crash, and marking the call as
 * dr's own (the only kind an eventual-consistency miss is meant for, see {@link Faults#toolCall}). Interface
 * default methods (consumer-builder overloads, paginators) run on the proxy, so the calls they make are
 * counted and faulted like direct ones.
 *
 * <p>The proxy of each fake is a class generated at build time ({@code FakeEc2Proxy} ...,
 * {@link dr.regions.inmemory.codegen.FakeProxyProcessor}), not a JDK dynamic proxy, whose definition loads every
 * request and response type of the SDK interface.
 */
final class ServiceProxy {
    /** The SDK's standard retry mode: 3 attempts in all, throttled attempts backing off from about a second. */
    private static final int SDK_MAX_ATTEMPTS = 3;
    private static final java.time.Duration SDK_THROTTLE_BACKOFF = java.time.Duration.ofSeconds(1);
    private static final Set<String> READ_PREFIXES = Set.of("describe", "list", "get", "test", "search", "lookup");

    private final Service service;
    private final String region;
    private final World world;

    private ServiceProxy(Service service, String region, World world) {
        this.service = service;
        this.region = region;
        this.world = world;
    }

    static <T> T wrap(Class<T> api, T target, Service service, String region, World world) {
        return api.cast(FakeProxies.of(target, new ServiceProxy(service, region, world)));
    }

    /**
     * One SDK-level call of operation {@code name} (the client method's name): like the real client in standard
     * retry mode, a throttled attempt is retried (up to {@link #SDK_MAX_ATTEMPTS} attempts, backing off on the
     * modeled clock) before the caller sees the error. Every attempt is a request to AWS, so each is logged.
     */
    <R> R call(String name, Supplier<R> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(name, operation);
            } catch (AwsServiceException e) {
                if (!e.isThrottlingException() || attempt >= SDK_MAX_ATTEMPTS) {
                    throw asTheSdkRaisesIt(e, name);
                }
                world.clock().advance(SDK_THROTTLE_BACKOFF.multipliedBy(1L << (attempt - 1)));
            } catch (SdkClientException e) {
                // named like a service error: the real clients' interceptor names every failed call
                throw AwsCall.mark(e, service.sdkName(), operationName(name), callRegion());
            }
        }
    }

    private <R> R attempt(String name, Supplier<R> operation) {
        Faults faults = world.faults();
        boolean mutating = isMutating(name);
        world.calls().record(new CallLog.Call(service.arnNamespace(), operationName(name), region, mutating,
                world.time()));
        if (faults.isApiUnreachable(service, region)) {
            String host = service.isGlobal() ? service.arnNamespace() + ".amazonaws.com"
                    : service.arnNamespace() + "." + region + ".amazonaws.com";
            throw SdkClientException.builder()
                    .message("Unable to execute HTTP request: " + host + ": Name or service not known")
                    .cause(new UnknownHostException(host))
                    .build();
        }
        if (!service.isGlobal() && !AccountRegions.enabled(world, region)) {
            throw AccountRegions.notEnabled(service);
        }
        if (faults.shouldThrottle()) {
            throw service.throttled();
        }
        Optional<Integer> bareError = faults.bareErrorFor(service.arnNamespace(), operationName(name), region);
        if (bareError.isPresent()) {
            throw service.bareError(bareError.get());
        }
        boolean crash = mutating && faults.countMutatingCallAndCheckCrash();
        if (crash && faults.crashPoint() == Faults.CrashPoint.BEFORE_CALL) {
            throw new SimulatedCrash("process died before " + service.arnNamespace() + ":" + operationName(name));
        }
        R result;
        long change = 0;
        synchronized (world) {
            WorldClockwork.catchUp(world);
            try {
                result = faults.toolCall(operation::get);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("a Supplier threw a checked exception", e);
            }
            if (mutating) {
                change = world.countChange();
            }
        }
        if (mutating) {
            world.changed(change);
        }
        if (crash) {
            throw new SimulatedCrash("process died after " + service.arnNamespace() + ":" + operationName(name));
        }
        return result;
    }

    /**
     * The error as a real client raises it: with the request id every AWS answer carries (derived from the call's
     * place in the call log, so a sandbox run stays deterministic), and naming the service and operation as
     * {@code SdkAwsClients} does ({@link AwsCall}).
     */
    private AwsServiceException asTheSdkRaisesIt(AwsServiceException error, String name) {
        String requestId = UUID.nameUUIDFromBytes((region + "/" + operationName(name) + "/"
                + world.calls().total()).getBytes(StandardCharsets.UTF_8)).toString();
        AwsServiceException raised = error.requestId() != null ? error
                : (AwsServiceException) error.toBuilder().requestId(requestId).build();
        return AwsCall.mark(raised, service.sdkName(), operationName(name), callRegion());
    }

    /** The region named on a failed call: none for a global service, as the real clients' aws-global. */
    private String callRegion() {
        return service.isGlobal() ? null : region;
    }

    static boolean isMutating(String methodName) {
        for (String prefix : READ_PREFIXES) {
            if (methodName.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** {@code describeVpcs} → {@code DescribeVpcs}, the API's own operation name. */
    static String operationName(String methodName) {
        return Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1);
    }
}
