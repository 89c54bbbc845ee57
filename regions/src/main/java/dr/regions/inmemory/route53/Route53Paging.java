package dr.regions.inmemory.route53;

/** Route 53's MaxItems: a string on the wire, defaulting to 100 (300 for record sets), capped by the API. */
final class Route53Paging {
    private Route53Paging() {
    }

    static int maxItems(String value, int defaultValue, int cap) {
        if (value == null) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw Route53Errors.invalidInput("Invalid value for MaxItems: " + value);
        }
        if (parsed < 1) {
            throw Route53Errors.constraint("maxItems", value, "Member must be positive");
        }
        return Math.min(parsed, cap);
    }
}
