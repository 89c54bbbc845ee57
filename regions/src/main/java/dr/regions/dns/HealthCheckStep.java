package dr.regions.dns;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.core.model.StackSpec;
import dr.core.model.Tags;
import dr.regions.aws.AwsClients;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.topology.Tier;
import dr.regions.step.EnsureStep;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Route 53 health check on the primary app load balancer: HTTP on port 80 (the ALB keeps forwarding HTTP; a
 * checker needs no certificate), the stack's health-check path, interval and failure threshold. Route 53 marks it
 * unhealthy after interval × threshold ({@link #detectionTime()}), which is how long {@code api.<domain>} keeps
 * answering with a dead primary. Built with or without a domain: {@code dr status} and drills read it.
 *
 * <p>Route 53 cannot filter health checks by tag; dr stamps the CallerReference with {@code dr/<stack>/health-check/}
 * and finds the check by that prefix, then tags it with ChangeTagsForResource (a crash between the two leaves a check
 * that is still found and then tagged). Type and interval cannot be updated in place: when the spec changes them, a
 * new check is created and the old ones are reported as {@code stale}; the failover records step deletes them once
 * the records point at the new check (without a domain nothing points at them, and this step deletes them).
 */
public final class HealthCheckStep extends EnsureStep {
    public static final String ROLE = "api-health-check";
    public static final StepKey KEY = StepKey.global(ROLE);
    static final int PORT = 80;

    private final StackSpec spec;
    private final AwsClients clients;
    private HealthCheck seen;
    private final List<String> stale = new ArrayList<>();

    public HealthCheckStep(StackSpec spec, AwsClients clients) {
        super(KEY, List.of(primaryAppLoadBalancer(spec)), "AWS::Route53::HealthCheck", ModeledDurations.IMMEDIATE);
        this.spec = spec;
        this.clients = clients;
    }

    static StepKey primaryAppLoadBalancer(StackSpec spec) {
        return StepKey.of(spec.primaryRegion(), LoadBalancingRoles.loadBalancer(Tier.APP));
    }

    /** How long Route 53 takes to call the primary unhealthy: request interval × failure threshold. */
    public Duration detectionTime() {
        return detectionTime(spec);
    }

    public static Duration detectionTime(StackSpec spec) {
        return Duration.ofSeconds((long) spec.healthCheckIntervalSeconds() * spec.healthCheckFailureThreshold());
    }

    String callerPrefix() {
        return "dr/" + spec.stack() + "/health-check/";
    }

    @Override
    protected Optional<String> find(StepContext context) {
        seen = null;
        stale.clear();
        for (HealthCheck check : route53().listHealthChecksPaginator().healthChecks()) {
            if (check.callerReference() == null || !check.callerReference().startsWith(callerPrefix())) {
                continue;
            }
            if (seen == null && sameFixedSettings(check.healthCheckConfig())) {
                seen = check;
            } else {
                stale.add(check.id());
            }
        }
        return Optional.ofNullable(seen).map(HealthCheck::id);
    }

    private boolean sameFixedSettings(HealthCheckConfig config) {
        return config.type() == HealthCheckType.HTTP
                && Objects.equals(config.requestInterval(), spec.healthCheckIntervalSeconds());
    }

    @Override
    protected String create(StepContext context) {
        String callerReference = callerPrefix() + context.clock().now().toEpochMilli();
        seen = route53().createHealthCheck(r -> r.callerReference(callerReference)
                .healthCheckConfig(c -> c.type(HealthCheckType.HTTP)
                        .fullyQualifiedDomainName(endpoint(context))
                        .port(PORT)
                        .resourcePath(spec.healthCheckPath())
                        .requestInterval(spec.healthCheckIntervalSeconds())
                        .failureThreshold(spec.healthCheckFailureThreshold()))).healthCheck();
        return seen.id();
    }

    @Override
    protected boolean converge(StepContext context, String id) {
        boolean changed = updateSettings(context, id);
        changed |= tag(id);
        if (!spec.hasDomain()) {
            for (String old : stale) {
                route53().deleteHealthCheck(r -> r.healthCheckId(old));
                changed = true;
            }
            stale.clear();
        }
        return changed;
    }

    private boolean updateSettings(StepContext context, String id) {
        HealthCheckConfig config = seen.healthCheckConfig();
        String endpoint = endpoint(context);
        boolean current = endpoint.equalsIgnoreCase(stripDot(config.fullyQualifiedDomainName()))
                && Objects.equals(config.port(), PORT)
                && Objects.equals(config.resourcePath(), spec.healthCheckPath())
                && Objects.equals(config.failureThreshold(), spec.healthCheckFailureThreshold())
                && !Boolean.TRUE.equals(config.inverted())
                && !Boolean.TRUE.equals(config.disabled())
                && config.ipAddress() == null;
        if (current) {
            return false;
        }
        seen = route53().updateHealthCheck(r -> r.healthCheckId(id)
                .healthCheckVersion(seen.healthCheckVersion())
                .fullyQualifiedDomainName(endpoint)
                .port(PORT)
                .resourcePath(spec.healthCheckPath())
                .failureThreshold(spec.healthCheckFailureThreshold())
                .inverted(false)
                .disabled(false)).healthCheck();
        return true;
    }

    private boolean tag(String id) {
        Map<String, String> present = new LinkedHashMap<>();
        route53().listTagsForResource(r -> r.resourceType(TagResourceType.HEALTHCHECK).resourceId(id))
                .resourceTagSet().tags().forEach(t -> present.put(t.key(), t.value()));
        List<Tag> missing = tags().entrySet().stream()
                .filter(e -> !e.getValue().equals(present.get(e.getKey())))
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
        if (missing.isEmpty()) {
            return false;
        }
        route53().changeTagsForResource(r -> r.resourceType(TagResourceType.HEALTHCHECK).resourceId(id)
                .addTags(missing));
        return true;
    }

    private Map<String, String> tags() {
        return Tags.forGlobal(spec.stack(), ROLE);
    }

    /**
     * {@code id}; {@code detectionSeconds}; {@code endpoint} (the ALB name checked); {@code stale}: ids of this
     * stack's older checks, comma-separated, empty when none.
     */
    @Override
    protected Map<String, String> outputs(StepContext context, String id) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("id", id);
        outputs.put("detectionSeconds", String.valueOf(detectionTime().toSeconds()));
        outputs.put("endpoint", endpoint(context));
        outputs.put("stale", String.join(",", stale));
        return outputs;
    }

    private String endpoint(StepContext context) {
        return stripDot(context.require(primaryAppLoadBalancer(spec), "dnsName")).toLowerCase(Locale.ROOT);
    }

    private static String stripDot(String name) {
        return name == null ? "" : name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private Route53Client route53() {
        return clients.route53();
    }
}
