package dr.core.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every stack setting that can come from the command line or the YAML config. The YAML key is the option name
 * without its leading dashes ({@code --admin-cidr} is {@code admin-cidr:}), so one name works in both places.
 */
public enum ConfigKey {
    STACK("stack", Kind.TEXT),
    PRIMARY("primary", Kind.TEXT),
    DR("dr", Kind.TEXT),
    DOMAIN("domain", Kind.TEXT),
    ADMIN_CIDR("admin-cidr", Kind.TEXT),
    ALLOW_OPEN_SSH("allow-open-ssh", Kind.FLAG),
    PRIMARY_CIDR("primary-cidr", Kind.TEXT),
    DR_CIDR("dr-cidr", Kind.TEXT),
    NAT_PER_AZ("nat-per-az", Kind.FLAG),
    WEB_INSTANCE_TYPE("web-instance-type", Kind.TEXT),
    APP_INSTANCE_TYPE("app-instance-type", Kind.TEXT),
    WEB_IMAGE("web-image", Kind.TEXT),
    APP_IMAGE("app-image", Kind.TEXT),
    DB_INSTANCE_CLASS("db-instance-class", Kind.TEXT),
    DB_STORAGE_GIB("db-storage-gib", Kind.NUMBER),
    MIN("min", Kind.NUMBER),
    DESIRED("desired", Kind.NUMBER),
    MAX("max", Kind.NUMBER),
    DR_CAPACITY("dr-capacity", Kind.NUMBER),
    HEALTH_CHECK_PATH("health-check-path", Kind.TEXT),
    HEALTH_CHECK_INTERVAL("health-check-interval", Kind.NUMBER),
    HEALTH_CHECK_THRESHOLD("health-check-threshold", Kind.NUMBER),
    /** Seconds of replica lag at or above which status is not ready and promote-replica stops (operational). */
    MAX_LAG("max-lag", Kind.NUMBER);

    /** The value type a key holds: text is a String, a number an Integer, a flag a Boolean. */
    public enum Kind {
        TEXT(String.class), NUMBER(Integer.class), FLAG(Boolean.class);

        private final Class<?> type;

        Kind(Class<?> type) {
            this.type = type;
        }

        public Class<?> type() {
            return type;
        }
    }

    private final String key;
    private final Kind kind;

    ConfigKey(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    /** The YAML key. */
    public String key() {
        return key;
    }

    /** The command-line option. */
    public String option() {
        return "--" + key;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
