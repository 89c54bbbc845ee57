package dr.regions.dns;

import dr.core.DrException;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.regions.aws.AwsClients;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Alias record sets of one name and type in the domain's public zone, kept exactly as specified: each wanted set
 * (identified by its SetIdentifier, or none) is UPSERTed when missing or different, then the change is waited on
 * until {@code INSYNC}. A set at the name and type that dr did not ask for (another SetIdentifier or routing policy)
 * is not touched: the step fails and names it, since only one owner can route a name.
 */
abstract class AliasRecordStep extends EnsureStep {
    protected final AwsClients clients;
    private final String domain;
    private final String name;
    private final RRType type;
    private String zoneId;
    private List<ResourceRecordSet> existing = List.of();
    private String changeId;

    AliasRecordStep(StepKey key, List<StepKey> dependsOn, AwsClients clients, String domain, String name, RRType type) {
        super(key, dependsOn, "AWS::Route53::RecordSet", ModeledDurations.ROUTE53_CHANGE);
        this.clients = clients;
        this.domain = domain;
        this.name = absolute(name);
        this.type = type;
    }

    /** The record sets wanted at {@link #name}, each an alias of {@link #type}. */
    protected abstract List<ResourceRecordSet> wanted(StepContext context);

    @Override
    protected Optional<String> find(StepContext context) {
        existing = RecordSets.find(route53(), zoneId(), name, type);
        return existing.isEmpty() ? Optional.empty() : Optional.of(recordId());
    }

    @Override
    protected String create(StepContext context) {
        submit(context, changes(context));
        return recordId();
    }

    @Override
    protected boolean converge(StepContext context, String id) {
        List<Change> changes = changes(context);
        submit(context, changes);
        return !changes.isEmpty();
    }

    private List<Change> changes(StepContext context) {
        List<ResourceRecordSet> wanted = wanted(context);
        List<String> foreign = existing.stream()
                .filter(set -> wanted.stream().noneMatch(w -> Objects.equals(w.setIdentifier(), set.setIdentifier())))
                .map(set -> set.setIdentifier() == null ? "a simple record" : "SetIdentifier " + set.setIdentifier())
                .toList();
        if (!foreign.isEmpty()) {
            throw DrException.failed(name + " " + type + " already has record sets dr did not create (" + foreign
                    + "); remove them or use another --domain");
        }
        List<Change> changes = new ArrayList<>();
        for (ResourceRecordSet set : wanted) {
            boolean current = existing.stream().anyMatch(e -> same(e, set));
            if (!current) {
                changes.add(Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(set).build());
            }
        }
        return changes;
    }

    /** Applies the changes; afterwards the zone holds exactly the wanted sets at the name and type. */
    private void submit(StepContext context, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        changeId = Route53Ids.change(route53().changeResourceRecordSets(r -> r.hostedZoneId(zoneId())
                .changeBatch(b -> b.comment("dr: " + key()).changes(changes))).changeInfo().id());
        existing = wanted(context);
    }

    /** After a change, until Route 53 has it on all of its name servers. */
    @Override
    protected ResourceState readiness(StepContext context, String id) {
        if (changeId == null) {
            return ResourceState.ready();
        }
        String status = route53().getChange(r -> r.id(changeId)).changeInfo().statusAsString();
        return ResourceState.of(status, "INSYNC");
    }

    @Override
    protected Map<String, String> outputs(StepContext context, String id) {
        return Map.of("id", id, "name", name, "zoneId", zoneId());
    }

    protected static ResourceRecordSet alias(String name, RRType type, String setIdentifier, String failover,
                                             String healthCheckId, String targetDnsName, String targetZoneId,
                                             boolean evaluateTargetHealth) {
        return ResourceRecordSet.builder().name(absolute(name)).type(type).setIdentifier(setIdentifier)
                .failover(failover).healthCheckId(healthCheckId)
                .aliasTarget(AliasTarget.builder().dnsName(absolute(targetDnsName)).hostedZoneId(targetZoneId)
                        .evaluateTargetHealth(evaluateTargetHealth).build())
                .build();
    }

    /** Route 53 returns names lower case with a trailing dot; everything else must match exactly. */
    static boolean same(ResourceRecordSet a, ResourceRecordSet b) {
        return absolute(a.name()).equals(absolute(b.name()))
                && Objects.equals(a.typeAsString(), b.typeAsString())
                && Objects.equals(a.setIdentifier(), b.setIdentifier())
                && Objects.equals(a.failoverAsString(), b.failoverAsString())
                && Objects.equals(a.healthCheckId(), b.healthCheckId())
                && a.ttl() == null && b.ttl() == null
                && a.weight() == null && b.weight() == null
                && a.regionAsString() == null && b.regionAsString() == null
                && a.resourceRecords().isEmpty() && b.resourceRecords().isEmpty()
                && sameAlias(a.aliasTarget(), b.aliasTarget());
    }

    private static boolean sameAlias(AliasTarget a, AliasTarget b) {
        if (a == null || b == null) {
            return a == b;
        }
        return absolute(a.dnsName()).equals(absolute(b.dnsName()))
                && Route53Ids.zone(a.hostedZoneId()).equals(Route53Ids.zone(b.hostedZoneId()))
                && Objects.equals(a.evaluateTargetHealth(), b.evaluateTargetHealth());
    }

    private static String absolute(String name) {
        return HostedZones.absolute(name.toLowerCase(Locale.ROOT));
    }

    protected String zoneId() {
        if (zoneId == null) {
            zoneId = PublicZoneCheck.zoneId(route53(), domain);
        }
        return zoneId;
    }

    private String recordId() {
        return name + "/" + type;
    }

    protected Route53Client route53() {
        return clients.route53();
    }
}
