package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import dr.regions.discovery.Attributes;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A record set (failover alias, distribution alias, certificate validation CNAME, database CNAME). Route 53
 * deletes a record only when the DELETE repeats it exactly, so the step reads the record as it is now and sends
 * that back; a record no longer there is gone.
 */
final class RecordSetDeletion extends DeletionStep {
    RecordSetDeletion(DeletionTarget target) {
        super(target, Duration.ZERO);
    }

    @Override
    protected StepResult advance(StepContext context) {
        Route53Client route53 = target().clients().route53();
        String zoneId = target().attribute(Attributes.ZONE_ID);
        Optional<ResourceRecordSet> current = current(route53, zoneId);
        if (current.isEmpty()) {
            return gone();
        }
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b
                .comment("dr cleanup")
                .changes(c -> c.action(ChangeAction.DELETE).resourceRecordSet(current.get()))));
        return gone();
    }

    private Optional<ResourceRecordSet> current(Route53Client route53, String zoneId) {
        String name = target().attribute(Attributes.RECORD_NAME);
        String type = target().attribute(Attributes.RECORD_TYPE);
        String identifier = target().attribute(Attributes.SET_IDENTIFIER);
        return route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordName(name).startRecordType(type)
                        .startRecordIdentifier(identifier))
                .resourceRecordSets().stream()
                .filter(set -> set.name().equalsIgnoreCase(name) && type.equals(set.typeAsString())
                        && Objects.equals(identifier, set.setIdentifier()))
                .findFirst();
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("PriorRequestNotComplete");
    }
}
