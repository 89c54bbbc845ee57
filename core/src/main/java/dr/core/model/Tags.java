package dr.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tags every stack resource carries; they are the source of truth for discovery. */
public final class Tags {
    public static final String STACK = "dr:stack";
    public static final String ROLE = "dr:role";
    public static final String REGION_ROLE = "dr:region-role";
    public static final String MANAGED_BY = "managed-by";
    public static final String MANAGED_BY_VALUE = "dr";
    public static final String NAME = "Name";
    /** On subnets: which of the stack's two zones ({@link ZonePair} slot {@code a} or {@code b}) the subnet is in. */
    public static final String AZ_SLOT = "dr:az-slot";

    private Tags() {
    }

    /** Tags for a regional resource: {@code Name=<stack>-<role>} plus the dr tags. */
    public static Map<String, String> forResource(String stack, String role, RegionRole regionRole) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(NAME, stack + "-" + role);
        tags.put(STACK, stack);
        tags.put(ROLE, role);
        if (regionRole != null) {
            tags.put(REGION_ROLE, regionRole.tagValue());
        }
        tags.put(MANAGED_BY, MANAGED_BY_VALUE);
        return tags;
    }

    /** Tags for a global (edge) resource, which belongs to neither region. */
    public static Map<String, String> forGlobal(String stack, String role) {
        return forResource(stack, role, null);
    }
}
