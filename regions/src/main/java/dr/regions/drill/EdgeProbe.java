package dr.regions.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A GET of one path on one host through the edge, as a viewer would send it: for a drill,
 * {@code https://<distribution domain>/_dr/served}, which the instances answer by reading their region's database
 * ({@link ServedAnswer}); the load balancers' fixed response {@code /_dr/region} names their region. On AWS
 * a real HTTPS request ({@link HttpEdgeProbe}); in the sandbox the in-memory CloudFront
 * (the fake cloud's {@code SandboxEdgeProbe}); a session hands the right one over in its
 * {@code DataPlane}.
 */
@FunctionalInterface
public interface EdgeProbe {
    /** What a region's name looks like, e.g. {@code us-west-2}, {@code ap-southeast-1}, {@code us-gov-west-1}. */
    Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    /**
     * One response. {@code status} is 0 when nothing answered (then {@code error} says why); {@code region} is the
     * region named by the body (a bare region name, or the {@code region} of a {@link ServedAnswer}), null when the
     * body names none; {@code origin} is the origin that answered when the
     * probe can see it (the sandbox can), else null; {@code elapsed} is how long the request took.
     */
    record Answer(int status, String body, String region, String origin, Instant at, Duration elapsed, String error) {
        public boolean answered() {
            return status > 0;
        }
    }

    Answer get(String host, String path);

    /** The region a response body names, or null. */
    static String regionOf(String body) {
        String text = body == null ? "" : body.strip();
        return REGION.matcher(text).matches() ? text
                : ServedAnswer.parse(text).map(ServedAnswer::region).orElse(null);
    }
}
