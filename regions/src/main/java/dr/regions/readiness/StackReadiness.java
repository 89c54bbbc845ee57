package dr.regions.readiness;

import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.StackInventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole readiness check in one call: discovery by tags in both regions and globally, then every check. Makes
 * read calls only (Describe, List, Get). The status runbook runs the same checks one step each.
 */
public final class StackReadiness {
    /** A daily backup plan's copy can be up to a day plus its start and completion windows old. */
    public static final Duration DEFAULT_MAX_RECOVERY_POINT_AGE = Duration.ofHours(30);

    private final AwsClients clients;
    private final StackSpec spec;

    public StackReadiness(AwsClients clients, StackSpec spec) {
        this.clients = clients;
        this.spec = spec;
    }

    public Inventory discover() {
        return new StackInventory(clients, spec.stack()).scan(spec.primaryRegion(), spec.drRegion());
    }

    public ReadinessScope scope(Inventory inventory, Instant now) {
        return new ReadinessScope(clients, spec, inventory, now, ServingRegion.of(spec, clients, inventory));
    }

    public ReadinessReport check(Instant now) {
        ReadinessScope scope = scope(discover(), now);
        List<Finding> findings = new ArrayList<>();
        findings.addAll(new RegionReadiness(scope, RegionRole.PRIMARY).check());
        findings.addAll(new RegionReadiness(scope, RegionRole.DR).check());
        findings.addAll(new ReplicaReadiness(scope, ReplicaReadiness.DEFAULT_MAX_LAG).check());
        findings.addAll(new RecoveryPointReadiness(scope, DEFAULT_MAX_RECOVERY_POINT_AGE).check());
        findings.addAll(new ImageAgeReadiness(scope, DEFAULT_MAX_RECOVERY_POINT_AGE).check());
        findings.addAll(new EdgeReadiness(scope).check());
        return new ReadinessReport(spec.stack(), spec.primaryRegion(), spec.drRegion(), now, findings);
    }
}
