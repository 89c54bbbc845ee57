package dr.runbooks.actions.drill;

import dr.core.engine.DurationFormat;
import dr.core.engine.Journal;
import dr.core.engine.StepResult;
import dr.core.report.drill.DrillObservation;
import dr.core.report.drill.DrillObservation.Health;
import dr.core.report.drill.DrillObservation.Phase;
import dr.regions.drill.DrillObserver;
import dr.regions.drill.DrillTopology;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;
import dr.runbooks.step.Waited;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code observe}: one poll per call, journaled as a timestamped observation, until every signal the fault should
 * move has moved (failover: health check unhealthy, {@code api.<domain>} answered with the DR load balancer, DR's
 * instances serving {@code /_dr/served} through CloudFront from DR's database when the fault cuts the primary off;
 * failback: all back on the primary), or
 * until its own {@code timeout}. It never sleeps: between polls it reports "waiting" and the engine calls it again
 * on the clock. Running out of time is an outcome, not a failure: the restore and the report still follow, and the
 * report judges it.
 */
final class ObserveAction implements RunbookAction {
    private final Phase phase;
    private final Duration interval;
    private final Duration timeout;
    private final Waited waited = new Waited();
    private DrillTopology topology;
    private DrillObserver observer;
    private String faultKind;
    private String lastState;

    ObserveAction(Phase phase, Duration interval, Duration timeout) {
        this.phase = phase;
        this.interval = interval;
        this.timeout = timeout;
    }

    @Override
    public StepResult execute(ActionContext context) {
        Instant now = context.clock().now();
        if (waited.notStarted()) {
            Optional<StepResult> nothing = nothingToObserve(context);
            if (nothing.isPresent()) {
                return nothing.get();
            }
            topology = DrillContext.topology(context);
            observer = DrillContext.observer(context);
            faultKind = DrillRecords.last(context, DrillRecords.FAULT_SAVED)
                    .map(entry -> String.valueOf(entry.data().get("kind"))).orElse(FaultKind.INGRESS.label());
        }
        Duration elapsed = waited.until(now);
        DrillObservation observation = observer.observe(phase, topology);
        context.record(DrillRecords.OBSERVATION, observation.toMap());
        String state = state(observation);
        if (!state.equals(lastState)) {
            context.out().println(phase.label() + " +" + DurationFormat.compact(elapsed) + ": " + state);
            context.out().flush();
            lastState = state;
        }
        List<String> waitingFor = waitingFor(observation);
        if (waitingFor.isEmpty()) {
            finished(context, true);
            return StepResult.ran((phase == Phase.FAILOVER ? "failed over" : "failed back") + " after "
                    + DurationFormat.compact(elapsed) + ": " + state, Map.of("complete", true,
                    "seconds", elapsed.toSeconds()));
        }
        if (elapsed.compareTo(timeout) >= 0) {
            finished(context, false);
            return StepResult.ran("no " + phase.label() + " within " + DurationFormat.compact(timeout)
                    + ": still waiting for " + String.join(", ", waitingFor), Map.of("complete", false,
                    "seconds", elapsed.toSeconds()));
        }
        Duration left = timeout.minus(elapsed);
        return StepResult.waiting(state + " (waiting for " + String.join(", ", waitingFor) + ")",
                left.compareTo(interval) < 0 ? left : interval);
    }

    private Optional<StepResult> nothingToObserve(ActionContext context) {
        if (phase == Phase.FAILOVER && context.records(DrillRecords.FAULT_SAVED).isEmpty()) {
            return Optional.of(StepResult.ran("nothing to observe: no fault was injected"));
        }
        if (phase == Phase.FAILBACK && context.records(DrillRecords.RESTORED).isEmpty()) {
            return Optional.of(StepResult.ran("nothing to observe: no fault was restored"));
        }
        return Optional.empty();
    }

    /** The signals that have not reached this phase's goal yet; empty when done. */
    private List<String> waitingFor(DrillObservation o) {
        String goal = phase == Phase.FAILOVER ? topology.drRegion() : topology.primaryRegion();
        Health health = phase == Phase.FAILOVER ? Health.UNHEALTHY : Health.HEALTHY;
        List<String> waiting = new ArrayList<>();
        if (topology.healthCheckId() != null && o.healthCheck() != health) {
            waiting.add("health check " + health.label());
        }
        if (topology.hasDns() && !goal.equals(o.dnsRegion())) {
            waiting.add(topology.apiName() + " → " + goal);
        }
        boolean edgeMoves = phase == Phase.FAILBACK || !FaultKind.HEALTH_CHECK.label().equals(faultKind);
        if (topology.hasDistribution() && edgeMoves && !goal.equals(o.edgeRegion())) {
            waiting.add("CloudFront → " + goal);
        }
        return waiting;
    }

    private static String state(DrillObservation o) {
        List<String> parts = new ArrayList<>();
        if (o.healthCheck() != null) {
            parts.add("health check " + o.healthCheck().label());
        }
        if (o.dnsRegion() != null) {
            parts.add("DNS → " + o.dnsRegion());
        }
        if (o.edgeStatus() != null) {
            parts.add("CloudFront → " + (o.edgeRegion() != null ? o.edgeRegion() : "HTTP " + o.edgeStatus()));
        }
        parts.addAll(o.notes().stream().filter(note -> !note.startsWith("no ")).toList());
        return String.join(", ", parts);
    }

    private void finished(ActionContext context, boolean complete) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("phase", phase.label());
        record.put("complete", complete);
        record.put("timeoutSeconds", timeout.toSeconds());
        context.record(DrillRecords.OBSERVE_FINISHED, record);
    }

    static List<DrillObservation> observations(List<Journal.Entry> entries) {
        return entries.stream().map(entry -> DrillObservation.fromMap(entry.data())).toList();
    }
}
