package dr.core.config;

import dr.core.DrException;
import dr.core.model.Capacity;
import dr.core.model.Cidr;
import dr.core.model.CidrPlan;
import dr.core.model.GivenImages;
import dr.core.model.Regions;
import dr.core.model.StackSpec;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.regex.Pattern;

/**
 * Turns given settings (config file overridden by the command line) into a validated {@link StackSpec}, filling
 * everything not given from {@link StackSpec#defaults}. Every problem is bad input with one line that names
 * where the value came from. Nothing here calls AWS.
 */
public final class StackSpecResolver {
    /**
     * A lower-case letter, then up to 30 letters, digits or single inner hyphens. RDS refuses a DB instance
     * identifier that ends with a hyphen or holds two in a row (CreateDBInstance, DBInstanceIdentifier), so the
     * stack name, which prefixes every identifier, may do neither.
     */
    public static final Pattern STACK_NAME = Pattern.compile("[a-z]([a-z0-9]|-(?=[a-z0-9])){0,30}");
    /** An SSH source broader than this many addresses (a /16) opens the bastion to too much of the internet. */
    public static final int NARROWEST_OPEN_SSH_PREFIX = 16;
    /** RDS for MySQL, General Purpose SSD (gp2, gp3): 20 to 65,536 GiB (CreateDBInstance, AllocatedStorage). */
    public static final int MIN_DB_STORAGE_GIB = 20;
    public static final int MAX_DB_STORAGE_GIB = 65_536;
    /** Route 53 health checks: RequestInterval is 10 (fast) or 30 seconds; FailureThreshold 1 to 10. */
    public static final int FAST_HEALTH_CHECK_INTERVAL = 10;
    public static final int STANDARD_HEALTH_CHECK_INTERVAL = 30;
    public static final int MAX_HEALTH_CHECK_THRESHOLD = 10;
    /** Route 53 health checks: ResourcePath is at most 255 characters. */
    public static final int MAX_HEALTH_CHECK_PATH = 255;

    private static final Pattern DOMAIN_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL_LABEL = Pattern.compile("[a-z][a-z0-9-]*");
    /** A DNS name is at most 253 characters; the longest name dr derives is {@code api.<domain>}. */
    private static final int MAX_DOMAIN_LENGTH = 253 - "api.".length();
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");
    private static final Pattern DB_INSTANCE_CLASS = Pattern.compile("db\\.[a-z][a-z0-9-]*\\.[a-z0-9-]+");

    /**
     * Validates {@code config}. With {@code regionsRequired} (provision) both regions must be given; otherwise
     * they are checked only when given, and left for discovery when not.
     */
    public StackTarget resolve(StackConfig config, boolean regionsRequired) {
        String stack = config.text(ConfigKey.STACK).orElse(StackSpec.DEFAULT_STACK);
        if (!STACK_NAME.matcher(stack).matches()) {
            throw bad(config, ConfigKey.STACK, Shown.quoted(stack) + " is not a valid stack name: a lower-case letter, "
                    + "then up to 30 lower-case letters, digits or hyphens, with no hyphen at the end or two in a row "
                    + "(e.g. shop-dr)");
        }
        checkRegions(config, regionsRequired);
        StackSpec defaults = StackSpec.defaults(null, null);

        Cidr primaryCidr = vpcCidr(config, ConfigKey.PRIMARY_CIDR, defaults.primaryCidr());
        Cidr drCidr = vpcCidr(config, ConfigKey.DR_CIDR, defaults.drCidr());
        if (primaryCidr.overlaps(drCidr)) {
            throw DrException.badInput(config.origin(ConfigKey.PRIMARY_CIDR) + " " + primaryCidr + " and "
                    + config.origin(ConfigKey.DR_CIDR) + " " + drCidr + " overlap: the two VPCs need distinct "
                    + "address ranges (e.g. " + StackSpec.DEFAULT_PRIMARY_CIDR + " and " + StackSpec.DEFAULT_DR_CIDR + ")");
        }
        Cidr adminCidr = adminCidr(config);
        String domain = domain(config);

        String webInstanceType = matching(config, ConfigKey.WEB_INSTANCE_TYPE, INSTANCE_TYPE,
                defaults.webInstanceType(), "an EC2 instance type (e.g. t3.micro)");
        String appInstanceType = matching(config, ConfigKey.APP_INSTANCE_TYPE, INSTANCE_TYPE,
                defaults.appInstanceType(), "an EC2 instance type (e.g. t3.micro)");
        String dbInstanceClass = matching(config, ConfigKey.DB_INSTANCE_CLASS, DB_INSTANCE_CLASS,
                defaults.dbInstanceClass(), "an RDS instance class (e.g. db.t3.micro)");
        GivenImages images = new GivenImages(image(config, ConfigKey.WEB_IMAGE), image(config, ConfigKey.APP_IMAGE));
        int storage = config.number(ConfigKey.DB_STORAGE_GIB).orElse(defaults.dbAllocatedStorageGib());
        if (storage < MIN_DB_STORAGE_GIB || storage > MAX_DB_STORAGE_GIB) {
            throw bad(config, ConfigKey.DB_STORAGE_GIB, storage + " GiB is outside what RDS for MySQL allows ("
                    + MIN_DB_STORAGE_GIB + " to " + MAX_DB_STORAGE_GIB + " GiB)");
        }

        Capacity primaryCapacity = primaryCapacity(config, defaults.primaryCapacity());
        Capacity drCapacity = drCapacity(config, defaults.drCapacity(), primaryCapacity);

        String healthCheckPath = config.text(ConfigKey.HEALTH_CHECK_PATH).orElse(defaults.healthCheckPath());
        if (!healthCheckPath.startsWith("/") || healthCheckPath.length() > MAX_HEALTH_CHECK_PATH
                || healthCheckPath.chars().anyMatch(c -> c <= ' ')) {
            throw bad(config, ConfigKey.HEALTH_CHECK_PATH, Shown.quoted(healthCheckPath) + " is not a URL path: it must start "
                    + "with /, have no spaces and be at most " + MAX_HEALTH_CHECK_PATH + " characters (e.g. /health)");
        }
        int interval = config.number(ConfigKey.HEALTH_CHECK_INTERVAL).orElse(defaults.healthCheckIntervalSeconds());
        if (interval != FAST_HEALTH_CHECK_INTERVAL && interval != STANDARD_HEALTH_CHECK_INTERVAL) {
            throw bad(config, ConfigKey.HEALTH_CHECK_INTERVAL, interval + " seconds is not a Route 53 health check "
                    + "interval: use " + FAST_HEALTH_CHECK_INTERVAL + " (fast) or " + STANDARD_HEALTH_CHECK_INTERVAL);
        }
        int threshold = config.number(ConfigKey.HEALTH_CHECK_THRESHOLD).orElse(defaults.healthCheckFailureThreshold());
        if (threshold < 1 || threshold > MAX_HEALTH_CHECK_THRESHOLD) {
            throw bad(config, ConfigKey.HEALTH_CHECK_THRESHOLD, threshold + " is not a Route 53 failure threshold: "
                    + "use 1 to " + MAX_HEALTH_CHECK_THRESHOLD);
        }

        StackSpec spec = new StackSpec(stack,
                config.text(ConfigKey.PRIMARY).orElse(null), config.text(ConfigKey.DR).orElse(null),
                primaryCidr, drCidr, domain, adminCidr,
                config.flag(ConfigKey.NAT_PER_AZ).orElse(defaults.natPerAz()),
                webInstanceType, appInstanceType, dbInstanceClass, storage,
                defaults.dbEngineVersion(), defaults.dbName(), defaults.dbMasterUsername(),
                primaryCapacity, drCapacity, healthCheckPath, interval, threshold, stack + ".internal", images);
        Integer maxLag = config.number(ConfigKey.MAX_LAG).orElse(null);
        if (maxLag != null && maxLag < 1) {
            throw bad(config, ConfigKey.MAX_LAG, maxLag + " is not a bound on replica lag: give whole seconds, at "
                    + "least 1 (e.g. 60)");
        }
        return new StackTarget(spec, config, regionsRequired, maxLag);
    }

    static void checkRegions(StackConfig config, boolean required) {
        for (ConfigKey key : new ConfigKey[] {ConfigKey.PRIMARY, ConfigKey.DR}) {
            if (config.has(key)) {
                String region = config.text(key).orElseThrow();
                if (!Regions.isKnown(region)) {
                    throw bad(config, key, Shown.quoted(region) + " is not a known AWS region"
                            + Spelling.suggestion(region, Regions.KNOWN) + " (e.g. us-east-1, us-west-2, eu-west-1)");
                }
            } else if (required) {
                throw DrException.badInput("missing " + key.option() + ": provision needs both the primary and the DR "
                        + "region (--primary and --dr, or primary: and dr: in the config file)");
            }
        }
        if (config.has(ConfigKey.PRIMARY) && config.text(ConfigKey.PRIMARY).equals(config.text(ConfigKey.DR))) {
            throw DrException.badInput(config.origin(ConfigKey.PRIMARY) + " and " + config.origin(ConfigKey.DR)
                    + " are both " + config.text(ConfigKey.PRIMARY).orElseThrow()
                    + ": the DR region must differ from the primary region");
        }
    }

    static StackSpec withRegions(StackSpec s, String primaryRegion, String drRegion) {
        return new StackSpec(s.stack(), primaryRegion, drRegion, s.primaryCidr(), s.drCidr(), s.domain(),
                s.adminCidr(), s.natPerAz(), s.webInstanceType(), s.appInstanceType(), s.dbInstanceClass(),
                s.dbAllocatedStorageGib(), s.dbEngineVersion(), s.dbName(), s.dbMasterUsername(),
                s.primaryCapacity(), s.drCapacity(), s.healthCheckPath(), s.healthCheckIntervalSeconds(),
                s.healthCheckFailureThreshold(), s.internalZone(), s.images());
    }

    private static Cidr vpcCidr(StackConfig config, ConfigKey key, Cidr fallback) {
        Cidr cidr = config.text(key).map(text -> cidr(config, key, text)).orElse(fallback);
        checked(config, key, () -> new CidrPlan(cidr));
        return cidr;
    }

    private static Cidr adminCidr(StackConfig config) {
        Cidr admin = config.text(ConfigKey.ADMIN_CIDR).map(text -> cidr(config, ConfigKey.ADMIN_CIDR, text)).orElse(null);
        if (admin != null && admin.prefix() < NARROWEST_OPEN_SSH_PREFIX
                && !config.flag(ConfigKey.ALLOW_OPEN_SSH).orElse(false)) {
            String reach = admin.isAnywhere() ? "the whole internet" : admin.size() + " addresses";
            throw bad(config, ConfigKey.ADMIN_CIDR, admin + " opens SSH to " + reach + "; narrow it to a /"
                    + NARROWEST_OPEN_SSH_PREFIX + " or smaller (e.g. your office's /32), add "
                    + ConfigKey.ALLOW_OPEN_SSH.option() + " if you really mean it, or leave it out and use Session Manager");
        }
        return admin;
    }

    private static Cidr cidr(StackConfig config, ConfigKey key, String text) {
        return checked(config, key, () -> Cidr.parse(text.strip()));
    }

    private static String domain(StackConfig config) {
        return config.text(ConfigKey.DOMAIN).map(given -> {
            String domain = given.strip().toLowerCase(Locale.ROOT);
            if (domain.endsWith(".")) {
                domain = domain.substring(0, domain.length() - 1);
            }
            String[] labels = domain.split("\\.", -1);
            boolean valid = labels.length >= 2 && domain.length() <= MAX_DOMAIN_LENGTH
                    && TOP_LEVEL_LABEL.matcher(labels[labels.length - 1]).matches();
            for (String label : labels) {
                valid &= DOMAIN_LABEL.matcher(label).matches();
            }
            if (!valid) {
                throw bad(config, ConfigKey.DOMAIN, Shown.quoted(given) + " is not a valid domain name: dot-separated labels "
                        + "of letters, digits and inner hyphens, at least two labels (e.g. example.com)");
            }
            return domain;
        }).orElse(null);
    }

    private static String matching(StackConfig config, ConfigKey key, Pattern pattern, String fallback, String what) {
        String value = config.text(key).map(String::strip).orElse(fallback);
        if (!pattern.matcher(value).matches()) {
            throw bad(config, key, Shown.quoted(value) + " is not " + what);
        }
        return value;
    }

    /** An AMI id, checked for its form only: whether it exists is for provision's preflight to ask EC2. */
    private static String image(StackConfig config, ConfigKey key) {
        return config.text(key).map(String::strip).map(id -> {
            if (!GivenImages.AMI_ID.matcher(id).matches()) {
                throw bad(config, key, Shown.quoted(id) + " is not an AMI id: ami- and 8 or 17 lower-case hex digits "
                        + "(e.g. ami-0123456789abcdef0)");
            }
            return id;
        }).orElse(null);
    }

    /** --min/--desired/--max over the defaults; desired, when not given, is kept inside the given bounds. */
    private static Capacity primaryCapacity(StackConfig config, Capacity defaults) {
        int min = config.number(ConfigKey.MIN).orElse(defaults.min());
        int max = config.number(ConfigKey.MAX).orElse(defaults.max());
        int desired = config.number(ConfigKey.DESIRED).orElse(Math.max(min, Math.min(max, defaults.desired())));
        String where = "primary capacity (" + Stream.of(ConfigKey.MIN, ConfigKey.DESIRED, ConfigKey.MAX)
                .filter(config::has).map(config::origin).collect(Collectors.joining(", ")) + ")";
        if (min < 0 || desired < 0 || max < 0) {
            throw DrException.badInput(where + ": must not be negative (min " + min + ", desired "
                    + desired + ", max " + max + ")");
        }
        if (min > max) {
            throw DrException.badInput(where + ": min " + min + " is greater than max " + max);
        }
        if (desired < min || desired > max) {
            throw DrException.badInput(where + ": desired " + desired + " must lie between min " + min
                    + " and max " + max);
        }
        if (desired == 0) {
            throw DrException.badInput(where + ": desired 0 leaves the primary with no instance to serve the "
                    + "application; give at least 1");
        }
        return new Capacity(min, desired, max);
    }

    /** Warm standby runs {@code n} instances per tier and may grow to the primary's maximum on promotion. */
    private static Capacity drCapacity(StackConfig config, Capacity defaults, Capacity primary) {
        if (!config.has(ConfigKey.DR_CAPACITY)) {
            return new Capacity(defaults.min(), defaults.desired(), Math.max(defaults.max(), primary.max()));
        }
        int size = config.number(ConfigKey.DR_CAPACITY).orElseThrow();
        if (size < 0) {
            throw bad(config, ConfigKey.DR_CAPACITY, "capacity must not be negative (" + size + ")");
        }
        if (size > primary.max()) {
            throw bad(config, ConfigKey.DR_CAPACITY, "warm standby of " + size + " per tier is more than the "
                    + "primary's maximum of " + primary.max() + "; a standby runs below the primary (raise --max or "
                    + "lower the DR capacity)");
        }
        return new Capacity(size, size, primary.max());
    }

    private static <T> T checked(StackConfig config, ConfigKey key, Supplier<T> check) {
        try {
            return check.get();
        } catch (DrException e) {
            throw new DrException(e.exitCode(), config.origin(key) + ": " + e.getMessage(), e);
        }
    }

    private static DrException bad(StackConfig config, ConfigKey key, String problem) {
        return DrException.badInput(config.origin(key) + ": " + problem);
    }
}
