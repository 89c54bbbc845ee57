package dr.regions.dns;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.List;
import java.util.Optional;

/**
 * {@code db.<internal zone>} CNAME → the region's own database endpoint (the primary in the primary region,
 * the replica in DR), so applications never change their connection string on failover.
 */
public final class DbRecordStep extends EnsureStep {
    public static final String ROLE = "db-record";
    private static final long TTL_SECONDS = 60;

    private final RegionTarget target;
    private final StepKey database;
    private ResourceRecordSet seen;

    public DbRecordStep(RegionTarget target, StepKey database) {
        super(target.key(ROLE), List.of(target.key(PrivateZoneStep.ROLE), database), "AWS::Route53::RecordSet",
                ModeledDurations.IMMEDIATE);
        this.target = target;
        this.database = database;
    }

    @Override
    protected Optional<String> find(StepContext context) {
        String zoneId = context.require(target.key(PrivateZoneStep.ROLE), "id");
        seen = RecordSets.find(route53(), zoneId, target.spec().dbRecordName(), RRType.CNAME).stream()
                .findFirst().orElse(null);
        return Optional.ofNullable(seen).map(s -> recordId());
    }

    @Override
    protected String create(StepContext context) {
        upsert(context);
        return recordId();
    }

    @Override
    protected boolean converge(StepContext context, String id) {
        String endpoint = context.require(database, "endpoint");
        boolean current = seen != null && seen.resourceRecords().size() == 1
                && seen.resourceRecords().get(0).value().equals(endpoint);
        if (!current) {
            upsert(context);
        }
        return !current;
    }

    private void upsert(StepContext context) {
        String zoneId = context.require(target.key(PrivateZoneStep.ROLE), "id");
        String endpoint = context.require(database, "endpoint");
        route53().changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b
                .comment("dr: database endpoint of " + target.region())
                .changes(c -> c.action(ChangeAction.UPSERT).resourceRecordSet(s -> s
                        .name(target.spec().dbRecordName()).type(RRType.CNAME).ttl(TTL_SECONDS)
                        .resourceRecords(v -> v.value(endpoint))))));
        seen = ResourceRecordSet.builder().name(target.spec().dbRecordName()).type(RRType.CNAME)
                .resourceRecords(v -> v.value(endpoint)).build();
    }

    private String recordId() {
        return target.spec().dbRecordName() + "/CNAME";
    }

    private Route53Client route53() {
        return target.clients().route53();
    }
}
