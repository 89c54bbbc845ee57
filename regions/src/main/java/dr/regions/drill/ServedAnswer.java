package dr.regions.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.regions.images.UserData;
import dr.regions.loadbalancing.LoadBalancingRoles;

import java.io.IOException;
import java.util.Optional;

/**
 * What the stack's instances answer at {@link UserData#SERVED_PATH}, the path a drill probes through CloudFront: 200
 * with JSON {@code {"region": ..., "database": <endpoint>, "writable": true|false, ...}} when the region's web
 * instance passed the request to its app tier and an app instance read the region's database; 503 with
 * {@code {"region": ..., "error": ...}} when it could not. Only the first proves that the region served a user.
 *
 * @param region   the region whose instances answered
 * @param database the endpoint of the database they read; null when they could not read it
 * @param writable whether that database takes writes (false for a read replica); null when it was not read
 * @param error    why the database was not read; null when it was
 */
public record ServedAnswer(String region, String database, Boolean writable, String error) {
    public static final String PATH = UserData.SERVED_PATH;

    /** What a 200 from {@link #PATH} proves, for the drill report. */
    public static final String WHAT_IT_PROVES = "The web tier is probed with GET " + PATH + " through CloudFront: it"
            + " counts as served by a region only when that region's web instances passed the request to its app tier"
            + " and an app instance read the region's own database (the answer names the region and whether the"
            + " database is writable; a read replica is not). The load balancers' fixed "
            + LoadBalancingRoles.REGION_PATH + " response would only show which load balancer answered.";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer in a response body; empty when the body is not the instances' JSON. */
    public static Optional<ServedAnswer> parse(String body) {
        if (body == null || !body.strip().startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(body);
            String region = text(node, "region");
            if (region == null || !EdgeProbe.REGION.matcher(region).matches()) {
                return Optional.empty();
            }
            JsonNode writable = node.get("writable");
            return Optional.of(new ServedAnswer(region, text(node, "database"),
                    writable != null && writable.isBoolean() ? writable.booleanValue() : null, text(node, "error")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True when the region's instances read its database. */
    public boolean servedFromDatabase() {
        return database != null && writable != null;
    }

    /** e.g. {@code us-west-2 instances read a read-only database (dr-db-replica.x.us-west-2.rds.amazonaws.com)}. */
    public String describe() {
        if (!servedFromDatabase()) {
            return region + " instances could not read the database" + (error == null ? "" : ": " + error);
        }
        return region + " instances read a " + (writable ? "writable" : "read-only") + " database (" + database + ")";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
