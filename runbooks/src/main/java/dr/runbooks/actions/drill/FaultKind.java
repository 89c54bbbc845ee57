package dr.runbooks.actions.drill;

import dr.regions.drill.HealthCheckFault;
import dr.regions.drill.IngressFault;
import dr.regions.drill.NetworkFault;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The faults a drill can inject, by the names runbooks and {@code --fault} use. */
public enum FaultKind {
    /** Revoke HTTP/HTTPS ingress on the primary load balancers' security groups (the seed guide's method). */
    INGRESS(IngressFault.KIND, List.of(
            "Security groups are stateful: revoking ingress does not cut connections already tracked (EC2 User Guide,"
                    + " security group connection tracking), and CloudFront keeps its origin connections alive, so"
                    + " the primary may go on serving some requests during the drill",
            "The primary's instances, database and network stay up: this is the load balancers refusing new"
                    + " connections, not a regional outage",
            Shared.WEB_FIGURE)),
    /** Invert the Route 53 health check: DNS fails over, the load balancers keep answering. */
    HEALTH_CHECK(HealthCheckFault.KIND, List.of(
            "Only Route 53's verdict changes: the primary keeps serving, so CloudFront does not fail over and"
                    + " nothing about the primary's reachability is tested",
            "Detection is not tested: the inverted verdict takes effect at the check's next request interval, not"
                    + " after interval x failure threshold",
            Shared.WEB_FIGURE)),
    /** Move the primary load balancers' subnets to a deny-all network ACL: established connections are cut too. */
    NETWORK(NetworkFault.KIND, List.of(
            "Only the load balancers' subnets are cut off: the primary's instances and database keep running and"
                    + " replicating, unlike in a regional outage",
            "The AWS APIs of the primary region keep answering; a real outage may take them down too",
            Shared.WEB_FIGURE));

    /** Sentences more than one fault shares (a nested class: enum constants cannot use the enum's own statics). */
    private static final class Shared {
        static final String WEB_FIGURE = "The web figure comes from GET /_dr/served through CloudFront, which a"
                + " region's web and app instances answer by reading its database: it proves reads are served, not"
                + " writes (CloudFront's origin group carries GET, HEAD and OPTIONS only; writes go to api.<domain>)";
    }

    private final String label;
    private final List<String> doesNotCover;

    FaultKind(String label, List<String> doesNotCover) {
        this.label = label;
        this.doesNotCover = List.copyOf(doesNotCover);
    }

    /** What the fault does not simulate, one sentence each, for the report. */
    public List<String> doesNotCover() {
        return doesNotCover;
    }

    public String label() {
        return label;
    }

    public static Optional<FaultKind> parse(String text) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(text)).findFirst();
    }

    /** e.g. {@code ingress, health-check, network}. */
    public static String names() {
        return String.join(", ", labels());
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(FaultKind::label).toList();
    }
}
