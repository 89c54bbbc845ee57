package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import dr.regions.discovery.Attributes;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A hosted zone dr created. Route 53 deletes only a zone that holds nothing but its own SOA and NS records; the
 * records found by discovery have their own steps before this one, and anything written since (the zone is the
 * stack's, so every record in it is) is deleted here, exactly as it is, before the zone.
 */
final class HostedZoneDeletion extends DeletionStep {
    HostedZoneDeletion(DeletionTarget target) {
        super(target, Duration.ZERO);
    }

    @Override
    protected StepResult advance(StepContext context) {
        Route53Client route53 = target().clients().route53();
        String zoneName = route53.getHostedZone(r -> r.id(target().id())).hostedZone().name();
        List<ResourceRecordSet> left = route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(target().id()))
                .resourceRecordSets().stream()
                .filter(set -> !(set.name().equals(zoneName) && (set.type() == RRType.SOA || set.type() == RRType.NS)))
                .toList();
        if (!left.isEmpty()) {
            List<Change> deletes = left.stream()
                    .map(set -> Change.builder().action(ChangeAction.DELETE).resourceRecordSet(set).build()).toList();
            route53.changeResourceRecordSets(r -> r.hostedZoneId(target().id())
                    .changeBatch(b -> b.comment("dr cleanup: " + target().attribute(Attributes.NAME)).changes(deletes)));
        }
        route53.deleteHostedZone(r -> r.id(target().id()));
        return gone();
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("HostedZoneNotEmpty", "InvalidChangeBatch", "PriorRequestNotComplete");
    }
}
