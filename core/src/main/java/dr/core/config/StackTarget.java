package dr.core.config;

import dr.core.model.StackSpec;

import java.util.Optional;

/**
 * The validated stack a command works on. The regions are optional for commands that can discover them from the
 * stack's tags; {@link #spec()} needs both, {@link #withRegions} supplies them once discovered.
 */
public final class StackTarget {
    private final StackSpec template;
    private final Integer maxLagSeconds;

    /** {@code template} is fully validated; its regions may be null when not given. */
    StackTarget(StackSpec template) {
        this(template, null);
    }

    StackTarget(StackSpec template, Integer maxLagSeconds) {
        this.template = template;
        this.maxLagSeconds = maxLagSeconds;
    }

    /** {@code --max-lag} or {@code max-lag:}, validated: the operator's bound on replica lag, when given. */
    public Optional<Integer> maxLagSeconds() {
        return Optional.ofNullable(maxLagSeconds);
    }

    public String stack() {
        return template.stack();
    }

    public Optional<String> primaryRegion() {
        return Optional.ofNullable(template.primaryRegion());
    }

    public Optional<String> drRegion() {
        return Optional.ofNullable(template.drRegion());
    }

    public boolean regionsKnown() {
        return template.primaryRegion() != null && template.drRegion() != null;
    }

    /** The full spec; only when both regions were given (always the case for {@code provision}). */
    public StackSpec spec() {
        if (!regionsKnown()) {
            throw new IllegalStateException("the regions of stack " + stack() + " are not known yet; discover them first");
        }
        return template;
    }

    /**
     * The settings with only the regions known so far (either may be null): for a command that works in one given
     * region and must not look for the other, e.g. promote-replica, which makes no call to the primary region.
     */
    public StackSpec settings() {
        return template;
    }

    /** The full spec with regions found by discovery; both must be known regions that differ. */
    public StackSpec withRegions(String primaryRegion, String drRegion) {
        StackConfig regions = StackConfig.builder()
                .set(ConfigKey.PRIMARY, primaryRegion, "discovered primary region")
                .set(ConfigKey.DR, drRegion, "discovered DR region")
                .build();
        StackSpecResolver.checkRegions(regions, true);
        return StackSpecResolver.withRegions(template, primaryRegion, drRegion);
    }

    @Override
    public String toString() {
        return "StackTarget[" + template + "]";
    }
}
