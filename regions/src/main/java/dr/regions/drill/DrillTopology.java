package dr.regions.drill;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a stack a drill breaks and watches, as discovery found them: the primary load balancers' security
 * groups (what the ingress fault revokes), the Route 53 health check (what the other fault inverts, and what detects
 * the failure), the {@code api.<domain>} failover record and its zone (null without a domain), the CloudFront
 * distribution (null when there is none) and each region's app and web load balancer names (to tell which region a
 * DNS answer names). Journaled once per drill, so every later step, and {@code dr failover restore}, uses the same.
 *
 * @param distributionDomain  the name the edge is probed on: the distribution's first alias, else its own name
 * @param cloudFrontWorstCase ConnectionTimeout × ConnectionAttempts of the primary origin, null without distribution
 * @param dnsTtlSeconds       how long resolvers may cache the {@code api.<domain>} answer ({@link RecordTtl}), null
 *                            when not known
 */
public record DrillTopology(
        String stack,
        String primaryRegion,
        String drRegion,
        String albWebGroupId,
        String albAppGroupId,
        String healthCheckId,
        Integer healthCheckIntervalSeconds,
        Integer healthCheckFailureThreshold,
        String hostedZoneId,
        String apiName,
        String distributionId,
        String distributionDomain,
        Duration cloudFrontWorstCase,
        String primaryAppAlb,
        String drAppAlb,
        String primaryWebAlb,
        String drWebAlb,
        Integer dnsTtlSeconds) {

    /** Route 53 should call the primary down this long after it stops answering: interval × threshold. */
    public Duration modeledDetection() {
        return healthCheckIntervalSeconds == null || healthCheckFailureThreshold == null ? null
                : Duration.ofSeconds((long) healthCheckIntervalSeconds * healthCheckFailureThreshold);
    }

    public boolean hasDns() {
        return hostedZoneId != null && apiName != null;
    }

    public boolean hasDistribution() {
        return distributionDomain != null;
    }

    /** Plain JSON values, for the journal. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "stack", stack);
        put(map, "primaryRegion", primaryRegion);
        put(map, "drRegion", drRegion);
        put(map, "albWebGroupId", albWebGroupId);
        put(map, "albAppGroupId", albAppGroupId);
        put(map, "healthCheckId", healthCheckId);
        put(map, "healthCheckIntervalSeconds", healthCheckIntervalSeconds);
        put(map, "healthCheckFailureThreshold", healthCheckFailureThreshold);
        put(map, "hostedZoneId", hostedZoneId);
        put(map, "apiName", apiName);
        put(map, "distributionId", distributionId);
        put(map, "distributionDomain", distributionDomain);
        put(map, "cloudFrontWorstCaseMillis", cloudFrontWorstCase == null ? null : cloudFrontWorstCase.toMillis());
        put(map, "primaryAppAlb", primaryAppAlb);
        put(map, "drAppAlb", drAppAlb);
        put(map, "primaryWebAlb", primaryWebAlb);
        put(map, "drWebAlb", drWebAlb);
        put(map, "dnsTtlSeconds", dnsTtlSeconds);
        return map;
    }

    public static DrillTopology fromMap(Map<String, Object> map) {
        return new DrillTopology(
                text(map, "stack"), text(map, "primaryRegion"), text(map, "drRegion"),
                text(map, "albWebGroupId"), text(map, "albAppGroupId"),
                text(map, "healthCheckId"), number(map, "healthCheckIntervalSeconds"),
                number(map, "healthCheckFailureThreshold"),
                text(map, "hostedZoneId"), text(map, "apiName"),
                text(map, "distributionId"), text(map, "distributionDomain"),
                map.get("cloudFrontWorstCaseMillis") instanceof Number n ? Duration.ofMillis(n.longValue()) : null,
                text(map, "primaryAppAlb"), text(map, "drAppAlb"), text(map, "primaryWebAlb"), text(map, "drWebAlb"),
                number(map, "dnsTtlSeconds"));
    }

    private static void put(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    private static String text(Map<String, Object> map, String name) {
        Object value = map.get(name);
        return value == null ? null : String.valueOf(value);
    }

    private static Integer number(Map<String, Object> map, String name) {
        return map.get(name) instanceof Number n ? n.intValue() : null;
    }
}
