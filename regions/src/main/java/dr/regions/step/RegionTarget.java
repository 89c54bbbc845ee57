package dr.regions.step;

import dr.core.engine.StepKey;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.core.model.Tags;
import dr.regions.aws.AwsClients;

import java.util.Map;

/** One side of the stack: the spec, which role this region plays, and the clients to reach it. */
public record RegionTarget(StackSpec spec, RegionRole role, AwsClients clients) {

    public String region() {
        return spec.region(role);
    }

    public String stack() {
        return spec.stack();
    }

    /** The tags for a resource of this region with the given logical role. */
    public Map<String, String> tags(String resourceRole) {
        return Tags.forResource(spec.stack(), resourceRole, role);
    }

    /** {@code <stack>-<role>}, the resource's Name. */
    public String name(String resourceRole) {
        return spec.name(resourceRole);
    }

    public StepKey key(String resourceRole) {
        return StepKey.of(region(), resourceRole);
    }

    public RegionTarget other() {
        return new RegionTarget(spec, role == RegionRole.PRIMARY ? RegionRole.DR : RegionRole.PRIMARY, clients);
    }

    public boolean isPrimary() {
        return role == RegionRole.PRIMARY;
    }
}
