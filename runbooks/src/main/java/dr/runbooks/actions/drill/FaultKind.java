package dr.runbooks.actions.drill;

import dr.regions.drill.HealthCheckFault;
import dr.regions.drill.IngressFault;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The faults a drill can inject, by the names runbooks and {@code --fault} use. */
public enum FaultKind {
    /** Revoke HTTP/HTTPS ingress on the primary load balancers' security groups (the seed guide's method). */
    INGRESS(IngressFault.KIND),
    /** Invert the Route 53 health check: DNS fails over, the load balancers keep answering. */
    HEALTH_CHECK(HealthCheckFault.KIND);

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<FaultKind> parse(String text) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(text)).findFirst();
    }

    /** e.g. {@code ingress, health-check}. */
    public static String names() {
        return String.join(", ", labels());
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(FaultKind::label).toList();
    }
}
