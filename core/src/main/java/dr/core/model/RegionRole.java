package dr.core.model;

/** Which side of the warm standby a region plays. The tag value is the lower-case name. */
public enum RegionRole {
    PRIMARY, DR;

    public String tagValue() {
        return name().toLowerCase();
    }
}
