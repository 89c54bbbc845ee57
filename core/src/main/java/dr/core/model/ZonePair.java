package dr.core.model;

import java.util.List;

/**
 * The two availability zones one region of a stack spreads over, by slot: slot {@code a} holds public-a, web-a,
 * app-a and db-a, slot {@code b} the others. Zone names are chosen per account at run time (letters map to
 * physical zones differently in each account, and not every account has every letter), so a zone is never
 * derived from the region's name; the subnets carry their slot in the {@link Tags#AZ_SLOT} tag.
 */
public record ZonePair(String a, String b) {
    public static final List<String> SLOTS = List.of("a", "b");

    public ZonePair {
        if (a == null || b == null || a.equals(b)) {
            throw new IllegalArgumentException("two different zones are needed, got " + a + " and " + b);
        }
    }

    /** The slot's name for a zone index: 0 is {@code a}, 1 is {@code b}. */
    public static String slot(int zoneIndex) {
        return SLOTS.get(zoneIndex);
    }

    public String zone(int zoneIndex) {
        return zoneIndex == 0 ? a : b;
    }

    public String zoneFor(SubnetRole subnet) {
        return zone(subnet.zoneIndex());
    }

    @Override
    public String toString() {
        return a + " (a), " + b + " (b)";
    }
}
