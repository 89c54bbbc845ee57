package dr.core.report.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a drill journaled, as the report reads it: the stack, the fault and when it was injected and undone, the
 * observations, and the figures the drill was judged against. {@link DrillReport#from} turns it into milestones, RTO
 * per tier and a verdict.
 *
 * @param fault                  {@code ingress} or {@code health-check}; null when no fault was injected
 * @param faultInjectedAt        when the fault took effect (the last revoke or the update returned)
 * @param restoredAt             when the restore finished; null when it did not (yet)
 * @param apiName                {@code api.<domain>}, whose Route 53 answer is the DNS tier; null without a domain
 * @param distributionDomain     the CloudFront name the web tier is probed on; null without a distribution
 * @param modeledDetection       health-check interval × failure threshold: when Route 53 should call the primary down
 * @param cloudFrontWorstCase    connection timeout × attempts of the primary origin: a request's worst case
 * @param failoverObserved       true when the failover observation finished (failed over or timed out)
 * @param failbackObserved       true when the failback observation finished
 * @param interrupted            true when the run was interrupted or restored after a crash
 * @param dnsTtlSeconds          how long resolvers may keep the {@code api.<domain>} answer (for an alias to a load
 *                               balancer, the load balancer's 60 s); null when not known
 * @param faultLimits            what the fault used does not simulate, one sentence each
 * @param rpo                    the replica lag observed before and during the fault; null when not read
 */
public record DrillFacts(
        String stack,
        String primaryRegion,
        String drRegion,
        String fault,
        String faultDescription,
        Instant faultInjectedAt,
        Instant restoredAt,
        String restoreSummary,
        Duration rtoTarget,
        Duration observeTimeout,
        String apiName,
        String distributionDomain,
        Integer healthCheckIntervalSeconds,
        Integer healthCheckFailureThreshold,
        Duration modeledDetection,
        Duration cloudFrontWorstCase,
        List<String> preflightProblems,
        boolean forced,
        boolean failoverObserved,
        boolean failbackObserved,
        boolean interrupted,
        List<DrillObservation> observations,
        List<String> notes,
        Instant generatedAt,
        Integer dnsTtlSeconds,
        List<String> faultLimits,
        DrillRpo rpo) {

    public static final String INGRESS = "ingress";
    public static final String HEALTH_CHECK = "health-check";
    public static final String NETWORK = "network";

    public DrillFacts {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(rtoTarget, "rtoTarget");
        Objects.requireNonNull(generatedAt, "generatedAt");
        preflightProblems = List.copyOf(preflightProblems);
        observations = observations.stream()
                .sorted((a, b) -> a.at().compareTo(b.at())).toList();
        notes = List.copyOf(notes);
        faultLimits = faultLimits == null ? List.of() : List.copyOf(faultLimits);
    }

    public static Builder builder(String stack) {
        return new Builder(stack);
    }

    /** The DNS tier is measured when there is an {@code api.<domain>} record to ask Route 53 about. */
    public boolean dnsTierExpected() {
        return apiName != null;
    }

    /**
     * The web tier fails over only when the primary web origin stops answering: with the ingress fault, not with an
     * inverted health check (CloudFront does not read Route 53 health checks).
     */
    public boolean webTierExpected() {
        return distributionDomain != null && (INGRESS.equals(fault) || NETWORK.equals(fault));
    }

    public static final class Builder {
        private final String stack;
        private String primaryRegion;
        private String drRegion;
        private String fault;
        private String faultDescription;
        private Instant faultInjectedAt;
        private Instant restoredAt;
        private String restoreSummary;
        private Duration rtoTarget = Duration.ofMinutes(5);
        private Duration observeTimeout;
        private String apiName;
        private String distributionDomain;
        private Integer healthCheckIntervalSeconds;
        private Integer healthCheckFailureThreshold;
        private Duration modeledDetection;
        private Duration cloudFrontWorstCase;
        private final List<String> preflightProblems = new ArrayList<>();
        private boolean forced;
        private boolean failoverObserved;
        private boolean failbackObserved;
        private boolean interrupted;
        private final List<DrillObservation> observations = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private Instant generatedAt;
        private Integer dnsTtlSeconds;
        private final List<String> faultLimits = new ArrayList<>();
        private DrillRpo rpo;

        private Builder(String stack) {
            this.stack = stack;
        }

        public Builder regions(String primary, String dr) {
            this.primaryRegion = primary;
            this.drRegion = dr;
            return this;
        }

        public Builder fault(String kind, String description, Instant injectedAt) {
            this.fault = kind;
            this.faultDescription = description;
            this.faultInjectedAt = injectedAt;
            return this;
        }

        public Builder restored(Instant at, String summary) {
            this.restoredAt = at;
            this.restoreSummary = summary;
            return this;
        }

        public Builder rtoTarget(Duration target) {
            this.rtoTarget = target;
            return this;
        }

        public Builder observeTimeout(Duration timeout) {
            this.observeTimeout = timeout;
            return this;
        }

        public Builder apiName(String name) {
            this.apiName = name;
            return this;
        }

        public Builder distributionDomain(String domain) {
            this.distributionDomain = domain;
            return this;
        }

        public Builder healthCheck(Integer intervalSeconds, Integer failureThreshold) {
            this.healthCheckIntervalSeconds = intervalSeconds;
            this.healthCheckFailureThreshold = failureThreshold;
            if (intervalSeconds != null && failureThreshold != null) {
                this.modeledDetection = Duration.ofSeconds((long) intervalSeconds * failureThreshold);
            }
            return this;
        }

        public Builder cloudFrontWorstCase(Duration worstCase) {
            this.cloudFrontWorstCase = worstCase;
            return this;
        }

        public Builder preflight(List<String> problems, boolean wasForced) {
            this.preflightProblems.addAll(problems);
            this.forced = wasForced;
            return this;
        }

        public Builder failoverObserved(boolean value) {
            this.failoverObserved = value;
            return this;
        }

        public Builder failbackObserved(boolean value) {
            this.failbackObserved = value;
            return this;
        }

        public Builder interrupted(boolean value) {
            this.interrupted = value;
            return this;
        }

        public Builder observations(List<DrillObservation> values) {
            this.observations.addAll(values);
            return this;
        }

        public Builder note(String note) {
            this.notes.add(note);
            return this;
        }

        public Builder dnsTtl(Integer seconds) {
            this.dnsTtlSeconds = seconds;
            return this;
        }

        public Builder faultLimits(List<String> limits) {
            this.faultLimits.addAll(limits);
            return this;
        }

        public Builder rpo(DrillRpo observed) {
            this.rpo = observed;
            return this;
        }

        public Builder generatedAt(Instant at) {
            this.generatedAt = at;
            return this;
        }

        public DrillFacts build() {
            return new DrillFacts(stack, primaryRegion, drRegion, fault, faultDescription, faultInjectedAt,
                    restoredAt, restoreSummary, rtoTarget, observeTimeout, apiName, distributionDomain,
                    healthCheckIntervalSeconds, healthCheckFailureThreshold, modeledDetection, cloudFrontWorstCase,
                    preflightProblems, forced, failoverObserved, failbackObserved, interrupted, observations, notes,
                    generatedAt, dnsTtlSeconds, faultLimits, rpo);
        }
    }
}
