package dr.core.config;

import dr.core.model.Capacity;
import dr.core.model.StackSpec;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A stack's settings as recorded on the stack itself (as tags, {@code dr:setting:<key>}), so that a later run that
 * leaves a setting out gets the stack as built instead of the default. Every setting the stack is built from is
 * recorded, each as text; an empty value means "not set" (no domain, no admin CIDR, dr bakes the image, the default
 * warm standby). Reading the record back and resolving it gives the same {@link StackSpec}.
 *
 * <p>Fits AWS's tag rules: 19 settings besides the 5 tags every resource has, under EC2's 50 tags per resource; keys
 * are at most 33 characters (limit 128) and values at most 255, the health-check path's bound (limit 256); EC2
 * takes any character in tag values, and dr's values (domain names, CIDRs, AMI ids, paths without spaces) keep to
 * the set every service takes: letters, digits, spaces and {@code + - = . _ : / @}
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html#tag-restrictions).
 */
public final class RecordedSettings {
    /** The tag key of a setting is this prefix and the setting's key, e.g. {@code dr:setting:domain}. */
    public static final String TAG_PREFIX = "dr:setting:";

    /**
     * What a stack is built from. Not the stack name and regions (they say where the record is) and not
     * {@code allow-open-ssh}, an acknowledgement implied by a recorded broad admin CIDR.
     */
    public static final Set<ConfigKey> KEYS = EnumSet.complementOf(EnumSet.of(ConfigKey.STACK, ConfigKey.PRIMARY,
            ConfigKey.DR, ConfigKey.ALLOW_OPEN_SSH, ConfigKey.MAX_LAG));

    private RecordedSettings() {
    }

    /** The record of {@code spec}: every key of {@link #KEYS}, empty when not set. */
    public static Map<ConfigKey, String> of(StackSpec spec) {
        Map<ConfigKey, String> values = new LinkedHashMap<>();
        for (ConfigKey key : KEYS) {
            values.put(key, value(spec, key).orElse(""));
        }
        return values;
    }

    /** The record as tags. */
    public static Map<String, String> tags(StackSpec spec) {
        Map<String, String> tags = new LinkedHashMap<>();
        of(spec).forEach((key, value) -> tags.put(TAG_PREFIX + key.key(), value));
        return tags;
    }

    /**
     * The settings read back from tags (others are ignored), as given at {@code origin}; empty when no setting is
     * recorded (a stack dr built before it recorded its settings, or no stack). A value that does not parse for its
     * key is left out (the resolver's default then applies, and a run shows the difference).
     */
    public static Optional<StackConfig> fromTags(Map<String, String> tags, String origin) {
        StackConfig.Builder config = StackConfig.builder();
        boolean any = false;
        for (ConfigKey key : KEYS) {
            String value = tags.get(TAG_PREFIX + key.key());
            if (value == null) {
                continue;
            }
            any = true;
            if (!value.isEmpty()) {
                parsed(key, value).ifPresent(parsed -> config.set(key, parsed, origin));
            }
        }
        return any ? Optional.of(config.build()) : Optional.empty();
    }

    /** A recorded value as shown to the operator: {@code (none)} when not set. */
    public static String shown(String value) {
        return value == null || value.isEmpty() ? "(none)" : value;
    }

    private static Optional<Object> parsed(ConfigKey key, String value) {
        return switch (key.kind()) {
            case TEXT -> Optional.of(value);
            case FLAG -> Optional.of(Boolean.parseBoolean(value));
            case NUMBER -> {
                try {
                    yield Optional.of(Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    yield Optional.empty();
                }
            }
        };
    }

    /** The value of one setting in {@code spec}, as the option takes it; empty when not set. */
    static Optional<String> value(StackSpec spec, ConfigKey key) {
        Object value = switch (key) {
            case DOMAIN -> spec.domain();
            case ADMIN_CIDR -> spec.adminCidr();
            case PRIMARY_CIDR -> spec.primaryCidr();
            case DR_CIDR -> spec.drCidr();
            case NAT_PER_AZ -> spec.natPerAz();
            case WEB_INSTANCE_TYPE -> spec.webInstanceType();
            case APP_INSTANCE_TYPE -> spec.appInstanceType();
            case WEB_IMAGE -> spec.images().web();
            case APP_IMAGE -> spec.images().app();
            case DB_INSTANCE_CLASS -> spec.dbInstanceClass();
            case DB_STORAGE_GIB -> spec.dbAllocatedStorageGib();
            case MIN -> spec.primaryCapacity().min();
            case DESIRED -> spec.primaryCapacity().desired();
            case MAX -> spec.primaryCapacity().max();
            case DR_CAPACITY -> givenDrCapacity(spec);
            case HEALTH_CHECK_PATH -> spec.healthCheckPath();
            case HEALTH_CHECK_INTERVAL -> spec.healthCheckIntervalSeconds();
            case HEALTH_CHECK_THRESHOLD -> spec.healthCheckFailureThreshold();
            case STACK, PRIMARY, DR, ALLOW_OPEN_SSH, MAX_LAG -> throw new IllegalArgumentException(key + " is not recorded");
        };
        return Optional.ofNullable(value).map(Object::toString);
    }

    /**
     * {@code --dr-capacity} as it must be given to resolve to the spec's DR capacity again: not at all when the spec
     * has the default warm standby (whose maximum follows the default, not the primary's), else its size.
     */
    private static Integer givenDrCapacity(StackSpec spec) {
        Capacity defaults = StackSpec.defaults(null, null).drCapacity();
        Capacity unset = new Capacity(defaults.min(), defaults.desired(),
                Math.max(defaults.max(), spec.primaryCapacity().max()));
        return spec.drCapacity().equals(unset) ? null : spec.drCapacity().desired();
    }
}
