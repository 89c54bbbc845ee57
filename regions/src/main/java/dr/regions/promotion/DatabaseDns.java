package dr.regions.promotion;

import dr.core.DrException;
import dr.core.engine.StepResult;
import dr.regions.dns.HostedZones;
import dr.regions.dns.RecordSets;
import dr.regions.dns.Route53Ids;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Makes sure the DR private zone's {@code db.<internal>} CNAME names the promoted database's endpoint, so the DR
 * application tier writes to it without a configuration change. Provisioning already points it at the replica,
 * whose endpoint the promoted instance keeps: usually this only confirms it. Otherwise one UPSERT, waited on until
 * Route 53 reports it INSYNC.
 */
public final class DatabaseDns {
    static final long TTL_SECONDS = 60;
    static final Duration POLL = Duration.ofSeconds(10);

    private final PromotionTarget target;
    private String changeId;

    public DatabaseDns(PromotionTarget target) {
        this.target = target;
    }

    public StepResult ensure() {
        String name = target.settings().dbRecordName();
        if (changeId != null) {
            String status = route53().getChange(r -> r.id(changeId)).changeInfo().statusAsString();
            return "INSYNC".equals(status) ? done(name, endpoint(), true) : StepResult.waiting(name + " change " + status,
                    POLL);
        }
        String endpoint = endpoint();
        HostedZone zone = zone();
        Optional<String> current = current(zone, name);
        if (current.isPresent() && same(current.get(), endpoint)) {
            return done(name, endpoint, false);
        }
        changeId = Route53Ids.change(route53().changeResourceRecordSets(r -> r.hostedZoneId(zone.id()).changeBatch(b -> b
                .comment("dr promote-replica: the promoted database of " + target.drRegion())
                .changes(c -> c.action(ChangeAction.UPSERT).resourceRecordSet(s -> s.name(name).type(RRType.CNAME)
                        .ttl(TTL_SECONDS).resourceRecords(v -> v.value(endpoint)))))).changeInfo().id());
        return StepResult.waiting(name + " -> " + endpoint + " submitted", POLL);
    }

    /** What {@link #ensure} leaves true, looked at once: empty when the CNAME names the database's endpoint. */
    public Optional<String> unmet() {
        String name = target.settings().dbRecordName();
        String endpoint = endpoint();
        Optional<String> current = current(zone(), name);
        return current.isPresent() && same(current.get(), endpoint) ? Optional.empty()
                : Optional.of(name + " names " + current.orElse("nothing") + ", not " + endpoint);
    }

    private HostedZone zone() {
        return HostedZones.withCallerPrefix(route53(), target.settings().internalZone(),
                target.privateZoneCallerPrefix()).orElseThrow(() -> DrException.failed("the private zone "
                + target.settings().internalZone() + " of " + target.drRegion() + " is missing; run dr provision"));
    }

    private Optional<String> current(HostedZone zone, String name) {
        return RecordSets.find(route53(), zone.id(), name, RRType.CNAME).stream()
                .flatMap(set -> set.resourceRecords().stream()).map(ResourceRecord::value).findFirst();
    }

    private StepResult done(String name, String endpoint, boolean changed) {
        return StepResult.ran(name + " -> " + endpoint + (changed ? " (updated)" : " (already)"),
                Map.of("record", name, "endpoint", endpoint, "changed", changed));
    }

    private String endpoint() {
        DBInstance db = target.requireDatabase();
        if (db.endpoint() == null || db.endpoint().address() == null) {
            throw DrException.failed(db.dbInstanceIdentifier() + " has no endpoint yet");
        }
        return db.endpoint().address();
    }

    private static boolean same(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private Route53Client route53() {
        return target.clients().route53();
    }
}
