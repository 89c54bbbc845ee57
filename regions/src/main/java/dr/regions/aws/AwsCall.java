package dr.regions.aws;

import software.amazon.awssdk.core.exception.SdkException;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which service and operation an SDK exception came from. The SDK knows both while it runs a call (execution
 * attributes) but does not put them on the exception it throws, so the client that ran the call attaches this as a
 * suppressed exception: that keeps the SDK exception's own type, which callers catch by (e.g. a not-found type).
 * With {@code --stacktrace} it shows as {@code Suppressed: dr.regions.aws.AwsCall: Ec2 DescribeVpcs}.
 */
public final class AwsCall extends RuntimeException {
    private final String service;
    private final String operation;
    private final String region;

    private AwsCall(String service, String operation, String region) {
        super(service + " " + operation + (region == null ? "" : " in " + region), null, false, false);
        this.service = service;
        this.operation = operation;
        this.region = region;
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    /** The region the call went to; empty for a global service's call, or when the client did not say. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** Attaches the call to {@code error} once (a call already named keeps its first name); returns {@code error}. */
    public static <T extends Throwable> T mark(T error, String service, String operation) {
        return mark(error, service, operation, null);
    }

    /** {@link #mark(Throwable, String, String)}, naming the call's region too ({@code null} for a global service). */
    public static <T extends Throwable> T mark(T error, String service, String operation, String region) {
        if (error instanceof SdkException && of(error).isEmpty() && operation != null) {
            error.addSuppressed(new AwsCall(service, operation, region));
        }
        return error;
    }

    /** The call attached to {@code error}, if any. */
    public static Optional<AwsCall> of(Throwable error) {
        return Arrays.stream(error.getSuppressed()).filter(AwsCall.class::isInstance).map(AwsCall.class::cast)
                .findFirst();
    }
}
