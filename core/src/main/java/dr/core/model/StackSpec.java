package dr.core.model;

import java.util.function.Consumer;

/**
 * Everything that defines one stack: where it lives and how big it is. Built from options and the YAML
 * config (command line wins) and validated before any AWS call.
 *
 * @param domain      public zone name for api./app. records and certificates; null when not given
 * @param adminCidr   bastion SSH source; null means no bastion host and no SSH rule
 * @param drCapacity  warm-standby size of each DR tier; DR is scaled to {@code primaryCapacity} on promotion
 * @param images      AMIs the operator brings instead of dr's baked ones; {@link GivenImages#NONE} for none
 */
public record StackSpec(
        String stack,
        String primaryRegion,
        String drRegion,
        Cidr primaryCidr,
        Cidr drCidr,
        String domain,
        Cidr adminCidr,
        boolean natPerAz,
        String webInstanceType,
        String appInstanceType,
        String dbInstanceClass,
        int dbAllocatedStorageGib,
        String dbEngineVersion,
        String dbName,
        String dbMasterUsername,
        Capacity primaryCapacity,
        Capacity drCapacity,
        String healthCheckPath,
        int healthCheckIntervalSeconds,
        int healthCheckFailureThreshold,
        String internalZone,
        GivenImages images) {

    public static final String DEFAULT_STACK = "dr";
    public static final String DEFAULT_PRIMARY_CIDR = "10.10.0.0/16";
    public static final String DEFAULT_DR_CIDR = "10.20.0.0/16";

    public StackSpec {
        images = images == null ? GivenImages.NONE : images;
    }

    /** A spec whose images dr bakes itself (no {@code --web-image} or {@code --app-image}). */
    public StackSpec(String stack, String primaryRegion, String drRegion, Cidr primaryCidr, Cidr drCidr, String domain,
            Cidr adminCidr, boolean natPerAz, String webInstanceType, String appInstanceType, String dbInstanceClass,
            int dbAllocatedStorageGib, String dbEngineVersion, String dbName, String dbMasterUsername,
            Capacity primaryCapacity, Capacity drCapacity, String healthCheckPath, int healthCheckIntervalSeconds,
            int healthCheckFailureThreshold, String internalZone) {
        this(stack, primaryRegion, drRegion, primaryCidr, drCidr, domain, adminCidr, natPerAz, webInstanceType,
                appInstanceType, dbInstanceClass, dbAllocatedStorageGib, dbEngineVersion, dbName, dbMasterUsername,
                primaryCapacity, drCapacity, healthCheckPath, healthCheckIntervalSeconds, healthCheckFailureThreshold,
                internalZone, GivenImages.NONE);
    }

    public String region(RegionRole role) {
        return role == RegionRole.PRIMARY ? primaryRegion : drRegion;
    }

    public Cidr cidr(RegionRole role) {
        return role == RegionRole.PRIMARY ? primaryCidr : drCidr;
    }

    public CidrPlan cidrPlan(RegionRole role) {
        return new CidrPlan(cidr(role));
    }

    public Capacity capacity(RegionRole role) {
        return role == RegionRole.PRIMARY ? primaryCapacity : drCapacity;
    }

    public boolean hasDomain() {
        return domain != null;
    }

    /** Fully qualified name of the database CNAME in each region's private zone. */
    public String dbRecordName() {
        return "db." + internalZone;
    }

    public String apiRecordName() {
        return hasDomain() ? "api." + domain : null;
    }

    public String appRecordName() {
        return hasDomain() ? "app." + domain : null;
    }

    /** The {@code Name} of a resource: {@code <stack>-<role>}. */
    public String name(String role) {
        return stack + "-" + role;
    }

    /** A spec with every default filled in, for tests and as the base the config loader overrides. */
    public static StackSpec defaults(String primaryRegion, String drRegion) {
        return new StackSpec(DEFAULT_STACK, primaryRegion, drRegion,
                Cidr.parse(DEFAULT_PRIMARY_CIDR), Cidr.parse(DEFAULT_DR_CIDR),
                null, null, false,
                "t3.micro", "t3.micro", "db.t3.micro", 22, "8.0", "appdb", "admin",
                new Capacity(2, 2, 4), new Capacity(1, 1, 4),
                "/health", 10, 2, DEFAULT_STACK + ".internal");
    }

    public StackSpec withDomain(String newDomain) {
        return with(changed -> changed.domain = newDomain);
    }

    public StackSpec withAdminCidr(Cidr newAdminCidr) {
        return with(changed -> changed.adminCidr = newAdminCidr);
    }

    public StackSpec withCidrs(Cidr newPrimary, Cidr newDr) {
        return with(changed -> {
            changed.primaryCidr = newPrimary;
            changed.drCidr = newDr;
        });
    }

    /** The same stack with the operator's own images (or {@link GivenImages#NONE}). */
    public StackSpec withImages(GivenImages newImages) {
        return with(changed -> changed.images = newImages);
    }

    /** The same stack with DR run at {@code capacity}, e.g. the primary's once DR has taken over. */
    public StackSpec withDrCapacity(Capacity capacity) {
        return with(changed -> changed.drCapacity = capacity);
    }

    /** The same stack with the primary region run at {@code capacity}, e.g. DR's warm standby while DR serves. */
    public StackSpec withPrimaryCapacity(Capacity capacity) {
        return with(changed -> changed.primaryCapacity = capacity);
    }

    /** This stack with what {@code change} sets among the settings a {@code with...} method may change. */
    private StackSpec with(Consumer<Changeable> change) {
        Changeable changed = new Changeable(this);
        change.accept(changed);
        return new StackSpec(stack, primaryRegion, drRegion, changed.primaryCidr, changed.drCidr, changed.domain,
                changed.adminCidr, natPerAz, webInstanceType, appInstanceType, dbInstanceClass, dbAllocatedStorageGib,
                dbEngineVersion, dbName, dbMasterUsername, changed.primaryCapacity, changed.drCapacity,
                healthCheckPath, healthCheckIntervalSeconds, healthCheckFailureThreshold, internalZone,
                changed.images);
    }

    /** The settings a {@code with...} method may change, starting as the stack's own. */
    private static final class Changeable {
        Cidr primaryCidr;
        Cidr drCidr;
        String domain;
        Cidr adminCidr;
        Capacity primaryCapacity;
        Capacity drCapacity;
        GivenImages images;

        Changeable(StackSpec spec) {
            primaryCidr = spec.primaryCidr;
            drCidr = spec.drCidr;
            domain = spec.domain;
            adminCidr = spec.adminCidr;
            primaryCapacity = spec.primaryCapacity;
            drCapacity = spec.drCapacity;
            images = spec.images;
        }
    }
}
