package dr.core.report.drill;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.report.drill.DrillReport.Milestone;
import dr.core.report.drill.DrillReport.TierResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The drill report as one JSON document for scripts: durations in seconds (numbers, fractions kept), times in ISO
 * 8601 UTC, unobserved values null.
 */
public final class DrillReportJson {
    private DrillReportJson() {
    }

    public static ObjectNode toJson(DrillReport report) {
        DrillFacts facts = report.facts();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("report", "failover-drill");
        root.put("stack", facts.stack());
        root.put("primaryRegion", facts.primaryRegion());
        root.put("drRegion", facts.drRegion());
        root.put("verdict", report.verdict().name());
        root.put("passed", report.passed());
        putSeconds(root, "rtoTargetSeconds", facts.rtoTarget());
        putArray(root, "reasons", report.reasons());

        ObjectNode fault = root.putObject("fault");
        fault.put("kind", facts.fault());
        fault.put("description", facts.faultDescription());
        putTime(fault, "injectedAt", facts.faultInjectedAt());
        putArray(fault, "doesNotCover", facts.faultLimits());

        ArrayNode tiers = root.putArray("tiers");
        for (TierResult tier : report.tiers()) {
            ObjectNode node = tiers.addObject();
            node.put("tier", tier.key());
            node.put("label", tier.label());
            node.put("expected", tier.expected());
            putSeconds(node, "rtoSeconds", tier.rto());
            node.put("met", tier.met());
            node.put("note", tier.note());
            if (tier.key().equals("dns")) {
                report.dnsClientVisible().ifPresent(visible -> {
                    putSeconds(node, "ttlSeconds", visible.ttl());
                    putSeconds(node, "allClientsSeconds", visible.allClients());
                    node.put("clientVisible", visible.describe());
                });
            }
        }

        if (facts.rpo() != null) {
            DrillRpo observed = facts.rpo();
            ObjectNode rpo = root.putObject("rpo");
            rpo.put("region", observed.region());
            rpo.put("dbInstance", observed.dbInstance());
            rpo.put("lagBeforeFaultSeconds", observed.lagBeforeSeconds());
            putTime(rpo, "lagBeforeFaultAt", observed.lagBeforeAt());
            rpo.put("maxLagDuringFaultSeconds", observed.maxDuringSeconds());
            putTime(rpo, "maxLagDuringFaultAt", observed.maxDuringAt());
            rpo.put("describe", observed.describe());
        } else {
            root.putNull("rpo");
        }
        root.set("milestones", milestones(report.milestones()));
        ObjectNode failback = root.putObject("failback");
        putTime(failback, "restoredAt", facts.restoredAt());
        failback.put("restore", facts.restoreSummary());
        failback.set("milestones", milestones(report.failback()));

        ObjectNode modeled = root.putObject("modeled");
        if (facts.healthCheckIntervalSeconds() == null) {
            modeled.putNull("healthCheckIntervalSeconds");
        } else {
            modeled.put("healthCheckIntervalSeconds", facts.healthCheckIntervalSeconds());
        }
        if (facts.healthCheckFailureThreshold() == null) {
            modeled.putNull("healthCheckFailureThreshold");
        } else {
            modeled.put("healthCheckFailureThreshold", facts.healthCheckFailureThreshold());
        }
        putSeconds(modeled, "detectionSeconds", facts.modeledDetection());
        putSeconds(modeled, "cloudFrontWorstCasePerRequestSeconds", facts.cloudFrontWorstCase());

        ObjectNode observed = root.putObject("observed");
        observed.put("apiName", facts.apiName());
        observed.put("distributionDomain", facts.distributionDomain());
        putSeconds(observed, "timeoutSeconds", facts.observeTimeout());
        observed.put("failoverObservationFinished", facts.failoverObserved());
        observed.put("failbackObservationFinished", facts.failbackObserved());
        observed.put("interrupted", facts.interrupted());

        ObjectNode preflight = root.putObject("preflight");
        putArray(preflight, "problems", facts.preflightProblems());
        preflight.put("forced", facts.forced());

        ArrayNode observations = root.putArray("observations");
        for (DrillObservation o : facts.observations()) {
            ObjectNode node = observations.addObject();
            putTime(node, "at", o.at());
            putSeconds(node, "sinceFaultSeconds", facts.faultInjectedAt() == null ? null
                    : Duration.between(facts.faultInjectedAt(), o.at()));
            node.put("phase", o.phase().label());
            node.put("healthCheck", o.healthCheck() == null ? null : o.healthCheck().label());
            node.put("dnsAnswer", o.dnsAnswer());
            node.put("dnsRegion", o.dnsRegion());
            if (o.edgeStatus() == null) {
                node.putNull("edgeStatus");
            } else {
                node.put("edgeStatus", o.edgeStatus());
            }
            node.put("edgeRegion", o.edgeRegion());
            putSeconds(node, "edgeElapsedSeconds", o.edgeElapsed());
            putArray(node, "notes", o.notes());
        }
        putArray(root, "notes", facts.notes());
        putTime(root, "generatedAt", facts.generatedAt());
        return root;
    }

    private static ArrayNode milestones(List<Milestone> milestones) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Milestone m : milestones) {
            ObjectNode node = array.addObject();
            node.put("label", m.label());
            node.put("observed", m.observed());
            putTime(node, "at", m.at());
            putSeconds(node, "offsetSeconds", m.offset());
            node.put("detail", m.detail());
        }
        return array;
    }

    private static void putTime(ObjectNode node, String name, Instant time) {
        if (time == null) {
            node.putNull(name);
        } else {
            node.put(name, time.toString());
        }
    }

    private static void putSeconds(ObjectNode node, String name, Duration duration) {
        if (duration == null) {
            node.putNull(name);
        } else if (duration.getNano() == 0) {
            node.put(name, duration.getSeconds());
        } else {
            node.put(name, duration.toMillis() / 1000.0);
        }
    }

    private static void putArray(ObjectNode node, String name, List<String> values) {
        ArrayNode array = node.putArray(name);
        values.forEach(array::add);
    }
}
