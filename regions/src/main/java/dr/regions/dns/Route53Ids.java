package dr.regions.dns;

/**
 * The one place dr turns a Route 53 id from a response into the form a request takes. Route 53 answers zone ids as
 * {@code /hostedzone/Z...} and change ids as {@code /change/C...}, but takes only the bare id in a request (the
 * prefixed one is sent as {@code %2Fhostedzone%2F...} and refused: InvalidInput or NoSuchHostedZone). The SDK v2
 * client strips the prefix from some responses and not from others (ListHostedZonesByName keeps it, see
 * aws/aws-sdk-java PR 1555, reverted), so every id that crosses from a response into a request passes here.
 * Health check ids need nothing: AWS answers them bare (a UUID) everywhere, and only a URL carries
 * {@code /healthcheck/}.
 */
public final class Route53Ids {
    private Route53Ids() {
    }

    /** {@code /hostedzone/Z123} or {@code Z123} → {@code Z123}. */
    public static String zone(String id) {
        return strip(id, "/hostedzone/");
    }

    /** {@code /change/C123} or {@code C123} → {@code C123}. */
    public static String change(String id) {
        return strip(id, "/change/");
    }

    private static String strip(String id, String prefix) {
        if (id == null) {
            return null;
        }
        return id.startsWith(prefix) ? id.substring(prefix.length()) : id;
    }
}
