package dr.regions.discovery;

import dr.regions.aws.AwsServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the reads of one scan so that an AWS error on one kind of resource costs only that kind: it is recorded as
 * {@link NotVerified} and the scan goes on. A request that got no answer at all (network, region down) is not
 * caught here: the whole region is then unreachable, which {@link StackInventory} records. Nor is throttling: the
 * caller's retries are for that.
 */
final class KindReads {
    private final List<NotVerified> notVerified = new ArrayList<>();

    List<StackResource> read(String region, List<ResourceKind> kinds, String scope,
                             Supplier<List<StackResource>> reader) {
        try {
            return reader.get();
        } catch (AwsServiceException e) {
            if (e.isThrottlingException()) {
                throw e;
            }
            notVerified.add(new NotVerified(region, kinds, scope, AwsServiceErrors.of(e).orElseThrow()));
            return List.of();
        }
    }

    List<StackResource> read(String region, ResourceKind kind, Supplier<List<StackResource>> reader) {
        return read(region, List.of(kind), null, reader);
    }

    List<NotVerified> notVerified() {
        return List.copyOf(notVerified);
    }
}
