package dr.core.report.drill;

import dr.core.engine.DurationFormat;
import dr.core.report.drill.DrillObservation.Health;
import dr.core.report.drill.DrillObservation.Phase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a drill showed, computed from its {@link DrillFacts}: the milestones of the timeline (each the first
 * observation that saw it), the RTO of each tier against the target, the failback times and the verdict.
 *
 * <p>RTO per tier: fault injected → Route 53 answers {@code api.<domain>} with the DR load balancer (DNS tier);
 * fault injected → a CloudFront request for {@code /_dr/served} answered by DR's instances from DR's database (web
 * tier, including the time that request spent on the dead primary origin). A measured time is as fine as the polling
 * interval: the change happened at most one interval before it was seen.
 */
public record DrillReport(DrillFacts facts, List<Milestone> milestones, List<TierResult> tiers,
                          List<Milestone> failback, Verdict verdict, List<String> reasons) {

    public static final String FAULT_INJECTED = "fault injected";
    public static final String HEALTH_CHECK_UNHEALTHY = "health check unhealthy";
    public static final String DNS_FLIPPED = "DNS answer flipped";
    public static final String CLOUDFRONT_DR = "CloudFront serving from DR";
    public static final String RESTORED = "restored";
    public static final String FAILBACK = "failback";
    public static final String HEALTH_CHECK_HEALTHY = "health check healthy again";
    public static final String DNS_PRIMARY = "DNS answer back on primary";
    public static final String CLOUDFRONT_PRIMARY = "CloudFront serving from primary again";

    /** PASSED and FAILED judge a drill against its target; the others say why it could not be judged. */
    public enum Verdict {
        PASSED, FAILED, INCOMPLETE, NOT_RUN;

        public String label() {
            return name().replace('_', ' ');
        }
    }

    /**
     * One point of the timeline; {@code at} is null when it was not observed. {@code offset} is from the fault (from the
     * restore for failback milestones), null when not observed.
     */
    public record Milestone(String label, Instant at, Duration offset, String detail) {
        public boolean observed() {
            return at != null;
        }
    }

    /** A tier's RTO: {@code expected} false when this drill cannot move it (then {@code note} says why). */
    public record TierResult(String key, String label, boolean expected, Duration rto, boolean met, String note) {
        public boolean measured() {
            return rto != null;
        }
    }

    public DrillReport {
        milestones = List.copyOf(milestones);
        tiers = List.copyOf(tiers);
        failback = List.copyOf(failback);
        reasons = List.copyOf(reasons);
    }

    public static DrillReport from(DrillFacts facts) {
        return new Analysis(facts).report();
    }

    public boolean passed() {
        return verdict == Verdict.PASSED;
    }

    public Optional<Milestone> milestone(String label) {
        return milestones.stream().filter(m -> m.label().equals(label)).findFirst()
                .or(() -> failback.stream().filter(m -> m.label().equals(label)).findFirst());
    }

    /** The milestones in the order they happened, those not observed last: the timeline as a table reads it. */
    public List<Milestone> chronological() {
        return chronological(milestones);
    }

    /** The failback milestones in the order they happened, those not observed last. */
    public List<Milestone> failbackChronological() {
        return chronological(failback);
    }

    private static List<Milestone> chronological(List<Milestone> milestones) {
        return milestones.stream().sorted(Comparator.comparing(Milestone::at,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /**
     * What clients see of the DNS failover: Route 53's authoritative answer flips after {@code authoritative}; a
     * resolver that cached the old answer just before keeps it up to the record's TTL, so every client has the DR
     * answer within {@code authoritative + ttl}.
     */
    public record ClientVisible(Duration authoritative, Duration ttl) {
        public Duration allClients() {
            return authoritative.plus(ttl);
        }

        /** e.g. {@code authoritative after 20s; all clients within 1m20s (TTL 60 s)}. */
        public String describe() {
            return "authoritative after " + DurationFormat.compact(authoritative) + "; all clients within "
                    + DurationFormat.compact(allClients()) + " (TTL " + ttl.toSeconds() + " s)";
        }
    }

    /** The DNS tier's client-visible figure; empty when the DNS tier was not measured or the TTL is not known. */
    public Optional<ClientVisible> dnsClientVisible() {
        return tier("dns").filter(TierResult::measured).filter(t -> facts.dnsTtlSeconds() != null)
                .map(t -> new ClientVisible(t.rto(), Duration.ofSeconds(facts.dnsTtlSeconds())));
    }

    public Optional<TierResult> tier(String key) {
        return tiers.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** A few lines for the terminal: verdict, RTO per tier, failback, the modeled figures. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        String regions = facts.primaryRegion() == null ? "" : " (" + facts.primaryRegion() + " → " + facts.drRegion()
                + ")";
        lines.add("Failover drill of stack " + facts.stack() + regions + (facts.fault() == null ? ""
                : ", fault " + facts.fault()) + ": " + verdict.label() + " against an RTO target of "
                + DurationFormat.compact(facts.rtoTarget()));
        for (TierResult tier : tiers) {
            String value = !tier.expected() ? "not measured: " + tier.note()
                    : tier.measured() ? DurationFormat.compact(tier.rto()) + (tier.met() ? "" : " (over target)")
                    : "not observed" + (tier.note() == null ? "" : ": " + tier.note());
            if (tier.key().equals("dns") && dnsClientVisible().isPresent()) {
                value = dnsClientVisible().get().describe() + (tier.met() ? "" : " (over target)");
            }
            lines.add("  " + tier.label() + ": " + value);
        }
        failback.stream().filter(m -> m.label().equals(FAILBACK)).findFirst().ifPresent(m -> lines.add(
                "  failback: " + (m.observed() ? DurationFormat.compact(m.offset()) + " after the restore"
                        : "not observed" + (m.detail() == null ? "" : ": " + m.detail()))));
        if (facts.rpo() != null) {
            lines.add("  RPO: " + facts.rpo().describe());
        }
        if (facts.modeledDetection() != null) {
            lines.add("  modeled: Route 53 detection " + facts.healthCheckIntervalSeconds() + " s x "
                    + facts.healthCheckFailureThreshold() + " = " + DurationFormat.compact(facts.modeledDetection())
                    + (facts.cloudFrontWorstCase() == null ? "" : "; CloudFront worst case per request "
                    + DurationFormat.compact(facts.cloudFrontWorstCase())));
        }
        reasons.forEach(reason -> lines.add("  " + reason));
        return lines;
    }

    /** The computation, one pass over the observations. */
    private static final class Analysis {
        private final DrillFacts facts;
        private final List<DrillObservation> failover;
        private final List<DrillObservation> failbackObservations;

        Analysis(DrillFacts facts) {
            this.facts = facts;
            Instant fault = facts.faultInjectedAt();
            this.failover = facts.observations().stream()
                    .filter(o -> o.phase() == Phase.FAILOVER && (fault == null || !o.at().isBefore(fault))).toList();
            Instant restored = facts.restoredAt();
            this.failbackObservations = facts.observations().stream()
                    .filter(o -> o.phase() == Phase.FAILBACK && (restored == null || !o.at().isBefore(restored)))
                    .toList();
        }

        DrillReport report() {
            Instant fault = facts.faultInjectedAt();
            String dr = facts.drRegion();
            String primary = facts.primaryRegion();
            Milestone unhealthy = first(HEALTH_CHECK_UNHEALTHY, failover, o -> o.healthCheck() == Health.UNHEALTHY,
                    fault, false, null);
            Milestone dnsFlipped = first(DNS_FLIPPED, failover, o -> dr != null && dr.equals(o.dnsRegion()), fault,
                    false, facts.apiName() == null ? "no api.<domain> record to ask Route 53 about" : null);
            Milestone edgeDr = first(CLOUDFRONT_DR, failover, o -> dr != null && dr.equals(o.edgeRegion()), fault,
                    true, facts.distributionDomain() == null ? "no CloudFront distribution" : null);
            Milestone restored = new Milestone(RESTORED, facts.restoredAt(), between(fault, facts.restoredAt()),
                    facts.restoreSummary());
            List<Milestone> milestones = List.of(
                    new Milestone(FAULT_INJECTED, fault, fault == null ? null : Duration.ZERO,
                            facts.faultDescription()),
                    unhealthy, dnsFlipped, edgeDr, restored, failbackMilestone(primary, fault));

            Instant restoredAt = facts.restoredAt();
            List<Milestone> failback = List.of(
                    first(HEALTH_CHECK_HEALTHY, failbackObservations, o -> o.healthCheck() == Health.HEALTHY,
                            restoredAt, false, null),
                    first(DNS_PRIMARY, failbackObservations, o -> primary != null && primary.equals(o.dnsRegion()),
                            restoredAt, false, facts.apiName() == null ? "no api.<domain> record" : null),
                    first(CLOUDFRONT_PRIMARY, failbackObservations,
                            o -> primary != null && primary.equals(o.edgeRegion()), restoredAt, true,
                            facts.distributionDomain() == null ? "no CloudFront distribution" : null),
                    failbackOffsetFromRestore(milestones.get(5)));

            List<TierResult> tiers = List.of(
                    tier("dns", "DNS tier (" + (facts.apiName() == null ? "api.<domain>" : facts.apiName())
                                    + " via Route 53 failover)", facts.dnsTierExpected(), dnsFlipped,
                            facts.apiName() == null ? "the stack has no domain, so no api.<domain> failover records"
                                    : null),
                    tier("web", "Web tier (CloudFront origin failover" + (facts.distributionDomain() == null ? ""
                                    : " on " + facts.distributionDomain()) + ")", facts.webTierExpected(), edgeDr,
                            facts.distributionDomain() == null ? "the stack has no CloudFront distribution"
                                    : "an inverted health check does not move CloudFront, whose origin failover"
                                    + " follows the origins' answers"));
            List<String> reasons = new ArrayList<>();
            Verdict verdict = verdict(tiers, reasons);
            return new DrillReport(facts, milestones, tiers, failback, verdict, reasons);
        }

        private Verdict verdict(List<TierResult> tiers, List<String> reasons) {
            if (facts.faultInjectedAt() == null) {
                reasons.add("no fault was injected");
                return Verdict.NOT_RUN;
            }
            List<TierResult> expected = tiers.stream().filter(TierResult::expected).toList();
            if (expected.isEmpty()) {
                reasons.add("nothing to measure: no tier can fail over with this fault on this stack");
                return Verdict.FAILED;
            }
            boolean allMeasured = expected.stream().allMatch(TierResult::measured);
            if (allMeasured) {
                expected.stream().filter(t -> !t.met()).forEach(t -> reasons.add(t.label() + ": "
                        + DurationFormat.compact(t.rto()) + " is over the target of "
                        + DurationFormat.compact(facts.rtoTarget())));
                return reasons.isEmpty() ? Verdict.PASSED : Verdict.FAILED;
            }
            List<String> missing = expected.stream().filter(t -> !t.measured()).map(TierResult::label).toList();
            if (facts.failoverObserved()) {
                reasons.add("no failover seen within " + (facts.observeTimeout() == null ? "the timeout"
                        : DurationFormat.compact(facts.observeTimeout())) + ": " + String.join(", ", missing));
                return Verdict.FAILED;
            }
            reasons.add("the drill stopped before failover was seen (" + String.join(", ", missing) + ")"
                    + (facts.interrupted() ? ": it was interrupted" : ""));
            return Verdict.INCOMPLETE;
        }

        private TierResult tier(String key, String label, boolean expected, Milestone seen, String whyNot) {
            if (!expected) {
                return new TierResult(key, label, false, null, false, whyNot);
            }
            Duration rto = seen.offset();
            boolean met = rto != null && rto.compareTo(facts.rtoTarget()) <= 0;
            return new TierResult(key, label, true, rto, met, rto == null ? seen.detail() : null);
        }

        /** Everything that was observed after the restore is back on the primary (or healthy) in one poll. */
        private Milestone failbackMilestone(String primary, Instant fault) {
            boolean anyHealth = failbackObservations.stream().anyMatch(o -> o.healthCheck() != null);
            boolean anyDns = facts.apiName() != null;
            boolean anyEdge = facts.distributionDomain() != null;
            Predicate<DrillObservation> back = o -> (!anyHealth || o.healthCheck() == Health.HEALTHY)
                    && (!anyDns || primary != null && primary.equals(o.dnsRegion()))
                    && (!anyEdge || primary != null && primary.equals(o.edgeRegion()));
            String why = facts.restoredAt() == null ? "the fault was not restored"
                    : failbackObservations.isEmpty() ? "failback was not observed" : "not seen before the timeout";
            return first(FAILBACK, failbackObservations, back, fault, anyEdge, why);
        }

        private Milestone failbackOffsetFromRestore(Milestone failback) {
            return new Milestone(FAILBACK, failback.at(), between(facts.restoredAt(), failback.at()),
                    failback.detail());
        }

        private static Milestone first(String label, List<DrillObservation> observations,
                                       Predicate<DrillObservation> seen, Instant from, boolean edgeTime,
                                       String whyNotObserved) {
            for (DrillObservation observation : observations) {
                if (seen.test(observation)) {
                    Instant at = edgeTime && observation.edgeAnswered() ? observation.edgeAnsweredAt()
                            : observation.at();
                    return new Milestone(label, at, between(from, at), detail(observation));
                }
            }
            return new Milestone(label, null, null, whyNotObserved);
        }

        private static String detail(DrillObservation o) {
            List<String> parts = new ArrayList<>();
            if (o.healthCheck() != null) {
                parts.add("health check " + o.healthCheck().label());
            }
            if (o.dnsRegion() != null) {
                parts.add("DNS → " + o.dnsRegion());
            }
            if (o.edgeRegion() != null) {
                parts.add("CloudFront → " + o.edgeRegion() + (o.edgeElapsed() == null || o.edgeElapsed().isZero()
                        ? "" : " in " + DurationFormat.compact(o.edgeElapsed())));
            }
            return String.join(", ", parts);
        }

        private static Duration between(Instant from, Instant to) {
            return from == null || to == null ? null : Duration.between(from, to);
        }
    }
}
