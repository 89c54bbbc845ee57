package dr.core.model;

/** The eight subnets of a stack VPC: four tiers over two availability zones. */
public enum SubnetRole {
    PUBLIC_A("public-a", Tier.PUBLIC, 0),
    PUBLIC_B("public-b", Tier.PUBLIC, 1),
    WEB_A("web-a", Tier.WEB, 0),
    WEB_B("web-b", Tier.WEB, 1),
    APP_A("app-a", Tier.APP, 0),
    APP_B("app-b", Tier.APP, 1),
    DB_A("db-a", Tier.DB, 0),
    DB_B("db-b", Tier.DB, 1);

    public enum Tier { PUBLIC, WEB, APP, DB }

    private final String role;
    private final Tier tier;
    private final int zoneIndex;

    SubnetRole(String role, Tier tier, int zoneIndex) {
        this.role = role;
        this.tier = tier;
        this.zoneIndex = zoneIndex;
    }

    /** The role name used in tags and names, e.g. {@code web-a}. */
    public String role() {
        return role;
    }

    public Tier tier() {
        return tier;
    }

    /** 0 for the zone of slot a, 1 for slot b (see {@link ZonePair}). */
    public int zoneIndex() {
        return zoneIndex;
    }

    /** {@code a} or {@code b}: the value of the subnet's {@link Tags#AZ_SLOT} tag. */
    public String zoneSlot() {
        return ZonePair.slot(zoneIndex);
    }

    public boolean isPublic() {
        return tier == Tier.PUBLIC;
    }
}
