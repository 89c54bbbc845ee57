package dr.regions.promotion;

import dr.core.DrException;
import dr.core.engine.StepResult;
import dr.regions.dns.Route53Ids;
import dr.regions.cdn.Distributions;
import dr.regions.dns.ApiRecords;
import dr.regions.readiness.StackDomain;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fences the API: both {@code api.<domain>} failover records name the DR app load balancer, so that Route 53 keeps
 * answering with DR whatever its health check sees when the old primary region comes back (it would otherwise flip
 * traffic back to a stack whose database is a stale, no longer replicated writer).
 *
 * <p>How: the PRIMARY record is UPSERTed in place, keeping its SetIdentifier and failover role, with the DR load
 * balancer as its alias target and without the health check; the SECONDARY is made sure of the same target; both in
 * one change batch. Why this rather than the alternatives: deleting the PRIMARY also leaves DR as the only answer,
 * but leaves half a pair behind; inverting or disabling the health check keeps the PRIMARY aimed at the old
 * primary, one health-check edit away from sending traffic back there. Retargeting keeps the pair's shape, makes
 * every answer DR whatever any health check says; {@code dr provision} keeps it so while the DR database is the
 * promoted writer, and restores the normal pair only once the stack is back to normal (failback).
 * Evaluate-target-health stays on: should the DR load balancer have no healthy target, Route 53, finding every
 * record unhealthy, still answers with them, and they both name DR.
 */
public final class ApiRecordsFence {
    static final Duration POLL = Duration.ofSeconds(10);

    private final PromotionTarget target;
    private String changeId;
    private List<String> changed = List.of();

    public ApiRecordsFence(PromotionTarget target) {
        this.target = target;
    }

    public StepResult ensure() {
        if (changeId != null) {
            String status = route53().getChange(r -> r.id(changeId)).changeInfo().statusAsString();
            if (!"INSYNC".equals(status)) {
                return StepResult.waiting("api records change " + status, POLL);
            }
        }
        LoadBalancer drAlb = DrAppLoadBalancer.find(target);
        Optional<String> domain = domain(drAlb);
        if (domain.isEmpty()) {
            return StepResult.ran("no domain, so no api records to fence", Map.of("fenced", false));
        }
        ApiRecords records = ApiRecords.find(route53(), target.settings(), domain.get()).orElseThrow(() ->
                DrException.failed("no public hosted zone for " + domain.get() + " in this account"));
        if (records.primary().isEmpty() && records.secondary().isEmpty()) {
            return StepResult.ran("no failover records at " + records.name() + ": nothing to fence",
                    Map.of("fenced", false));
        }
        List<Change> changes = changes(records, drAlb);
        if (changes.isEmpty()) {
            return StepResult.ran(records.name() + " PRIMARY and SECONDARY both name " + drAlb.dnsName()
                            + (changeId == null ? " (already)" : ""),
                    Map.of("fenced", true, "record", records.name(), "target", drAlb.dnsName(), "changed", changed));
        }
        changed = changes.stream().map(c -> c.resourceRecordSet().failoverAsString()).toList();
        changeId = Route53Ids.change(route53().changeResourceRecordSets(r -> r.hostedZoneId(records.zoneId()).changeBatch(b -> b
                .comment("dr promote-replica: fence " + records.name() + " to " + target.drRegion())
                .changes(changes))).changeInfo().id());
        return StepResult.waiting(records.name() + " " + String.join(" and ", changed) + " -> " + drAlb.dnsName()
                + " submitted", POLL);
    }

    /**
     * What {@link #ensure} leaves true, looked at without changing anything: empty when both api records name the DR
     * app load balancer without health check (or the stack has no domain, or no such records); else which do not.
     */
    public Optional<String> unmet() {
        LoadBalancer drAlb = DrAppLoadBalancer.find(target);
        Optional<String> domain = domain(drAlb);
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        ApiRecords records = ApiRecords.find(route53(), target.settings(), domain.get()).orElseThrow(() ->
                DrException.failed("no public hosted zone for " + domain.get() + " in this account"));
        if (records.primary().isEmpty() && records.secondary().isEmpty()) {
            return Optional.empty();
        }
        List<String> notFenced = changes(records, drAlb).stream().map(c -> c.resourceRecordSet().failoverAsString())
                .toList();
        return notFenced.isEmpty() ? Optional.empty() : Optional.of(records.name() + " " + String.join(" and ",
                notFenced) + " do not name " + drAlb.dnsName() + " alone");
    }

    /** The UPSERTs that fence the pair: none when both records already name the DR load balancer as they should. */
    private List<Change> changes(ApiRecords records, LoadBalancer drAlb) {
        List<Change> changes = new ArrayList<>();
        fence(records.primary(), records.name(), "PRIMARY", true, drAlb).ifPresent(changes::add);
        fence(records.secondary(), records.name(), "SECONDARY", false, drAlb).ifPresent(changes::add);
        return changes;
    }

    /** The UPSERT that makes {@code existing} an alias of the DR load balancer without health check, if needed. */
    private Optional<Change> fence(Optional<ResourceRecordSet> existing, String name, String failover,
                                   boolean primary, LoadBalancer drAlb) {
        boolean current = existing.isPresent() && ApiRecords.aliases(existing, drAlb.dnsName())
                && existing.get().healthCheckId() == null
                && Boolean.TRUE.equals(existing.get().aliasTarget().evaluateTargetHealth())
                && failover.equals(existing.get().failoverAsString());
        if (current) {
            return Optional.empty();
        }
        ResourceRecordSet wanted = ResourceRecordSet.builder().name(name).type(RRType.A)
                .setIdentifier(ApiRecords.setIdentifier(target.stack(), primary)).failover(failover)
                .aliasTarget(AliasTarget.builder().dnsName(drAlb.dnsName())
                        .hostedZoneId(drAlb.canonicalHostedZoneId()).evaluateTargetHealth(true).build())
                .build();
        return Optional.of(Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(wanted).build());
    }

    /**
     * The configured domain, else the one the DR load balancer's certificate names (the DR region's API), else the
     * one the distribution serves as {@code app.<domain>} (CloudFront's API, in us-east-1).
     */
    private Optional<String> domain(LoadBalancer drAlb) {
        return DrDomain.find(target, drAlb).or(() -> {
            List<String> aliases = Distributions.ofStack(target.clients().cloudFront(), target.stack())
                    .map(Distributions::aliases).orElse(List.of());
            return StackDomain.of(target.settings(), aliases);
        });
    }

    private Route53Client route53() {
        return target.clients().route53();
    }
}
