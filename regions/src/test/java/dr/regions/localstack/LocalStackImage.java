package dr.regions.localstack;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one LocalStack image the integration tests run, and what it needs and serves. Pinned to 4.14.0: the last
 * release that starts without an account. From 4.15 (and the calendar-versioned 2026.03 on, which {@code latest}
 * now points to) LocalStack exits at startup unless {@code LOCALSTACK_AUTH_TOKEN} is set.
 */
final class LocalStackImage {
    static final String IMAGE = "localstack/localstack:4.14.0";
    static final String AUTH_TOKEN_VARIABLE = "LOCALSTACK_AUTH_TOKEN";

    /** dr's services the account-free image serves; RDS, Backup, Auto Scaling, ELBv2, CloudFront and WAFv2 are Pro. */
    static final Set<String> FREE_SERVICES = Set.of("ec2", "route53", "acm");
    static final Set<String> ALL_SERVICES = Set.of("ec2", "rds", "route53", "cloudfront", "backup", "autoscaling",
            "elbv2", "acm", "wafv2");

    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?");

    private LocalStackImage() {
    }

    /**
     * Whether {@code image} refuses to start without an auth token: the Pro image, floating tags, 4.15 and later,
     * and calendar versions (2026.03 and later).
     */
    static boolean requiresAuthToken(String image) {
        int colon = image.lastIndexOf(':');
        String repository = colon < 0 ? image : image.substring(0, colon);
        String tag = colon < 0 ? "latest" : image.substring(colon + 1).toLowerCase(Locale.ROOT);
        if (repository.endsWith("localstack-pro")) {
            return true;
        }
        Matcher version = SEMVER.matcher(tag);
        if (!version.lookingAt()) {
            return true; // latest, stable, nightly...: today's unified image
        }
        int major = Integer.parseInt(version.group(1));
        int minor = Integer.parseInt(version.group(2));
        return major >= 2026 || major > 4 || major == 4 && minor >= 15;
    }

    /** The services of dr's nine that {@code image} serves: all of them with an account, the free ones without. */
    static Set<String> services(String image) {
        return requiresAuthToken(image) ? ALL_SERVICES : FREE_SERVICES;
    }
}
