package dr.core.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stack settings as given, each optional and each remembering where it came from (an option or a line of a
 * config file), so that a validation error can point at the exact place to fix. Immutable.
 */
public final class StackConfig {
    /** One given value and where it was given, e.g. {@code --primary} or {@code dr.yaml line 3 (primary)}. */
    public record Setting(Object value, String origin) {
    }

    private static final StackConfig EMPTY = new StackConfig(new EnumMap<>(ConfigKey.class));

    private final Map<ConfigKey, Setting> settings;

    private StackConfig(Map<ConfigKey, Setting> settings) {
        this.settings = Collections.unmodifiableMap(settings);
    }

    public static StackConfig empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This config with every setting that {@code other} has replaced by other's (the command line wins). */
    public StackConfig overriddenBy(StackConfig other) {
        Map<ConfigKey, Setting> merged = new EnumMap<>(ConfigKey.class);
        merged.putAll(settings);
        merged.putAll(other.settings);
        return new StackConfig(merged);
    }

    /** This config without {@code key}'s setting. */
    public StackConfig without(ConfigKey key) {
        Map<ConfigKey, Setting> rest = new EnumMap<>(ConfigKey.class);
        rest.putAll(settings);
        rest.remove(key);
        return new StackConfig(rest);
    }

    public boolean has(ConfigKey key) {
        return settings.containsKey(key);
    }

    public Optional<String> text(ConfigKey key) {
        return value(key, String.class);
    }

    public Optional<Integer> number(ConfigKey key) {
        return value(key, Integer.class);
    }

    public Optional<Boolean> flag(ConfigKey key) {
        return value(key, Boolean.class);
    }

    /** Where the key's value was given, or its option name when it was not given at all. */
    public String origin(ConfigKey key) {
        Setting setting = settings.get(key);
        return setting == null ? key.option() : setting.origin();
    }

    public Map<ConfigKey, Setting> settings() {
        return settings;
    }

    private <T> Optional<T> value(ConfigKey key, Class<T> type) {
        if (key.kind().type() != type) {
            throw new IllegalArgumentException(key + " holds " + key.kind() + ", not " + type.getSimpleName());
        }
        Setting setting = settings.get(key);
        return setting == null ? Optional.empty() : Optional.of(type.cast(setting.value()));
    }

    @Override
    public String toString() {
        return "StackConfig" + settings;
    }

    public static final class Builder {
        private final Map<ConfigKey, Setting> settings = new EnumMap<>(ConfigKey.class);

        private Builder() {
        }

        /** Sets a value given on the command line; {@code null} means "not given" and is ignored. */
        public Builder option(ConfigKey key, Object value) {
            return set(key, value, key.option());
        }

        /** Sets a value with an explicit origin; {@code null} means "not given" and is ignored. */
        public Builder set(ConfigKey key, Object value, String origin) {
            if (value == null) {
                return this;
            }
            if (!key.kind().type().isInstance(value)) {
                throw new IllegalArgumentException(key + " holds " + key.kind() + ", not " + value.getClass().getSimpleName());
            }
            settings.put(key, new Setting(value, origin));
            return this;
        }

        public StackConfig build() {
            return new StackConfig(new EnumMap<>(settings));
        }
    }
}
