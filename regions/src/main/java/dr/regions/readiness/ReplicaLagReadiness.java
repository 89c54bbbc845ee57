package dr.regions.readiness;

import dr.core.engine.DurationFormat;
import dr.regions.rpo.LagReading;
import dr.regions.rpo.ReplicaLagReader;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The replica's lag as an RPO figure: the newest {@code ReplicaLag} reading and the highest of the last hour, read in
 * the DR region (where RDS publishes it). Ready only with a figure under the bound: no figure (replication not
 * active, nothing published, CloudWatch unreadable) means the data DR would start from is unknown.
 */
final class ReplicaLagReadiness {
    static final String CHECK = "replica-lag";
    static final Duration WINDOW = Duration.ofHours(1);
    static final String LAG_SECONDS = "lagSeconds";
    static final String MAX_LAG_LAST_HOUR_SECONDS = "maxLagLastHourSeconds";
    static final String MAX_LAG_BOUND_SECONDS = "maxLagBoundSeconds";

    private ReplicaLagReadiness() {
    }

    static void check(ReadinessScope scope, String region, String identifier, Duration maxLag, Findings findings) {
        ReplicaLagReader reader = ReplicaLagReader.of(scope.clients(), region, identifier);
        LagReading now = reader.latest(scope.now());
        LagReading hour = reader.maxOver(scope.now().minus(WINDOW), scope.now());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(LAG_SECONDS, now.measured() ? String.valueOf(now.seconds()) : "none");
        facts.put("lagAt", now.at() == null ? "none" : now.at().toString());
        facts.put("lagState", now.state().name());
        facts.put(MAX_LAG_LAST_HOUR_SECONDS, hour.measured() ? String.valueOf(hour.seconds()) : "none");
        facts.put("maxLagLastHourAt", hour.at() == null ? "none" : hour.at().toString());
        facts.put(MAX_LAG_BOUND_SECONDS, String.valueOf(maxLag.toSeconds()));
        facts.put("metricRegion", region);
        String bound = "--max-lag " + DurationFormat.compact(maxLag);
        String lastHour = "max over the last hour " + hour.figure();
        if (now.under(maxLag)) {
            findings.ok(DataReadiness.DATABASE, CHECK, "replica lag " + now.describe() + ", under " + bound + "; "
                    + lastHour, facts);
        } else if (now.measured()) {
            findings.problem(DataReadiness.DATABASE, CHECK, "replica lag " + now.figure() + " is not under " + bound
                    + " (" + now.describe() + "; " + lastHour + ")", facts);
        } else {
            findings.problem(DataReadiness.DATABASE, CHECK, "replica lag unknown: " + now.describe(), facts);
        }
    }
}
