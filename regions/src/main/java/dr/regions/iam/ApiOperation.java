package dr.regions.iam;

import java.util.Comparator;

/**
 * One AWS API operation as the in-memory cloud records it and {@code operations.yaml} lists it:
 * {@code service:Operation}, the service being the IAM service prefix (e.g. {@code ec2:CreateVpc},
 * {@code elasticloadbalancing:CreateListener}).
 */
public record ApiOperation(String service, String operation) implements Comparable<ApiOperation> {
    private static final Comparator<ApiOperation> ORDER =
            Comparator.comparing(ApiOperation::service).thenComparing(ApiOperation::operation);

    public ApiOperation {
        if (service == null || service.isBlank() || operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("an operation needs a service and a name: " + service + ":" + operation);
        }
    }

    /** Parses {@code ec2:CreateVpc}. */
    public static ApiOperation parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("not service:Operation: '" + text + "'");
        }
        return new ApiOperation(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    /** The IAM action of the same name, which is what most operations need. */
    public String sameNamedAction() {
        return toString();
    }

    @Override
    public int compareTo(ApiOperation other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return service + ":" + operation;
    }
}
