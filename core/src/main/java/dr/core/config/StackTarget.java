package dr.core.config;

import dr.core.model.StackSpec;

import java.util.Optional;

/**
 * The validated stack a command works on. The regions are optional for commands that can discover them from the
 * stack's tags; {@link #spec()} needs both, {@link #withRegions} supplies them once discovered.
 */
public final class StackTarget {
    private final StackSpec template;
    private final StackConfig given;
    private final boolean regionsRequired;
    private final Integer maxLagSeconds;

    /**
     * {@code template} is fully validated from {@code given}; its regions may be null when not given
     * ({@code regionsRequired} false). {@code maxLagSeconds}: the operator's bound on replica lag, when given.
     */
    StackTarget(StackSpec template, StackConfig given, boolean regionsRequired, Integer maxLagSeconds) {
        this.template = template;
        this.given = given;
        this.regionsRequired = regionsRequired;
        this.maxLagSeconds = maxLagSeconds;
    }

    /** {@code --max-lag} or {@code max-lag:}, validated: the operator's bound on replica lag, when given. */
    public Optional<Integer> maxLagSeconds() {
        return Optional.ofNullable(maxLagSeconds);
    }

    /** The settings as given (config file and options), before defaults. */
    public StackConfig given() {
        return given;
    }

    /**
     * The stack with every setting not given taken from {@code recorded} (the settings recorded on the stack as
     * built), validated again. The recorded admin CIDR was accepted when the stack was built, a broad one with
     * {@code --allow-open-ssh}: kept, it needs no new acknowledgement; a newly given one does.
     */
    public StackTarget withRecorded(StackConfig recorded) {
        return resolved(recorded, given, regionsRequired);
    }

    /** The stack as it was built: {@code recorded} alone, in this target's stack and regions. */
    public StackSpec recordedSpec(StackConfig recorded) {
        StackConfig.Builder where = StackConfig.builder();
        for (ConfigKey key : new ConfigKey[] {ConfigKey.STACK, ConfigKey.PRIMARY, ConfigKey.DR}) {
            StackConfig.Setting setting = given.settings().get(key);
            if (setting != null) {
                where.set(key, setting.value(), setting.origin());
            }
        }
        return resolved(recorded, where.build(), true).spec();
    }

    private static StackTarget resolved(StackConfig recorded, StackConfig given, boolean regionsRequired) {
        StackConfig base = recorded.without(ConfigKey.ALLOW_OPEN_SSH);
        if (!given.has(ConfigKey.ADMIN_CIDR) && recorded.has(ConfigKey.ADMIN_CIDR)) {
            base = base.overriddenBy(StackConfig.builder()
                    .set(ConfigKey.ALLOW_OPEN_SSH, true, recorded.origin(ConfigKey.ADMIN_CIDR)).build());
        }
        return new StackSpecResolver().resolve(base.overriddenBy(given), regionsRequired);
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
