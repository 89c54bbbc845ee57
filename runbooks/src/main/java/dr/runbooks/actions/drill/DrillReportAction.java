package dr.runbooks.actions.drill;

import dr.runbooks.HandedBack;
import dr.core.ExitCode;
import dr.core.engine.Journal;
import dr.core.engine.StepResult;
import dr.core.report.drill.DrillFacts;
import dr.core.report.drill.DrillObservation;
import dr.core.report.drill.DrillReport;
import dr.core.report.drill.DrillReportWriter;
import dr.core.report.drill.DrillRpo;
import dr.regions.database.DatabaseInstances;
import software.amazon.awssdk.services.rds.model.DBInstance;
import dr.regions.rpo.FaultWindowLag;
import dr.regions.rpo.ReplicaLagReader;
import dr.regions.drill.DrillTopology;
import dr.regions.drill.ServedAnswer;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code drill-report}: turns this run's journal into the drill report (timeline, RTO per tier against
 * {@code rto-target}, failback, the modeled figures) and writes it as Markdown, JSON and HTML. A drill that ran to the
 * end and missed the target fails with exit 3, after the report is written; an interrupted one is reported as
 * incomplete without failing the run a second time.
 */
final class DrillReportAction implements RunbookAction {
    private final Duration rtoTarget;

    DrillReportAction(Duration rtoTarget) {
        this.rtoTarget = rtoTarget;
    }

    @Override
    public StepResult execute(ActionContext context) {
        Optional<Journal.Entry> saved = DrillRecords.last(context, DrillRecords.FAULT_SAVED);
        if (saved.isEmpty()) {
            return StepResult.ran("no fault was injected: no drill report", Map.of("written", false));
        }
        DrillReport report = DrillReport.from(facts(context, saved.get()));
        DrillReportWriter.Written written = DrillReportWriter.write(report, DrillContext.reportDirectory(context));
        HandedBack.hand(context, FailoverDrill.REPORT_ATTRIBUTE, report);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("verdict", report.verdict().name());
        record.put("markdown", written.markdown().toString());
        record.put("json", written.json().toString());
        record.put("html", written.html().toString());
        record.put("summary", report.summary());
        context.record(DrillRecords.REPORT, record);
        // also seen when the report is written by the Ctrl-C hook, after which the command prints nothing more
        context.out().println("drill report: " + written.markdown() + " (and .json, .html)");
        context.out().flush();
        String headline = report.summary().get(0) + " (report " + written.markdown() + ")";
        if (report.verdict() == DrillReport.Verdict.FAILED) {
            return StepResult.failed(headline + (report.reasons().isEmpty() ? ""
                    : ": " + String.join("; ", report.reasons())), ExitCode.NOT_READY);
        }
        return StepResult.ran(headline, Map.of("written", true, "verdict", report.verdict().name(),
                "markdown", written.markdown().toString(), "json", written.json().toString(),
                "html", written.html().toString()));
    }

    private DrillFacts facts(ActionContext context, Journal.Entry saved) {
        DrillTopology topology = DrillContext.topology(context);
        DrillFacts.Builder facts = DrillFacts.builder(topology.stack())
                .regions(topology.primaryRegion(), topology.drRegion())
                .rtoTarget(rtoTarget)
                .apiName(topology.apiName())
                .distributionDomain(topology.distributionDomain())
                .healthCheck(topology.healthCheckIntervalSeconds(), topology.healthCheckFailureThreshold())
                .cloudFrontWorstCase(topology.cloudFrontWorstCase())
                .dnsTtl(topology.dnsTtlSeconds())
                .generatedAt(context.clock().now());
        String kind = String.valueOf(saved.data().get("kind"));
        FaultKind.parse(kind).ifPresent(fault -> facts.faultLimits(fault.doesNotCover()));
        Optional<Journal.Entry> injected = DrillRecords.last(context, DrillRecords.FAULT_INJECTED);
        if (injected.isPresent()) {
            facts.fault(kind, String.valueOf(injected.get().data().get("description")), injected.get().time());
        } else {
            facts.fault(kind, "the run stopped while injecting the fault; timed from when it was saved",
                    saved.time());
            facts.note("the fault's exact start is not known: the run stopped between saving and injecting it");
        }
        DrillRecords.last(context, DrillRecords.RESTORED).ifPresent(entry ->
                facts.restored(entry.time(), String.valueOf(entry.data().get("summary"))));
        DrillRecords.last(context, DrillRecords.PREFLIGHT).ifPresent(entry -> {
            facts.preflight(texts(entry.data().get("problems")), Boolean.TRUE.equals(entry.data().get("forced")));
            texts(entry.data().get("notes")).forEach(note -> facts.note("not checked before the drill: " + note));
        });
        boolean failover = false;
        boolean failback = false;
        for (Journal.Entry finished : context.records(DrillRecords.OBSERVE_FINISHED)) {
            boolean isFailover = DrillObservation.Phase.FAILOVER.label().equals(finished.data().get("phase"));
            if (isFailover) {
                failover = true;
                if (finished.data().get("timeoutSeconds") instanceof Number seconds) {
                    facts.observeTimeout(Duration.ofSeconds(seconds.longValue()));
                }
            } else {
                failback = true;
            }
        }
        facts.failoverObserved(failover).failbackObserved(failback).interrupted(!failover);
        facts.observations(ObserveAction.observations(context.records(DrillRecords.OBSERVATION)));
        if (!topology.hasDns()) {
            facts.note("no api.<domain> failover records were found: the DNS tier was not observed");
        }
        if (topology.hasDistribution()) {
            facts.note(ServedAnswer.WHAT_IT_PROVES);
        }
        DrillFacts built = facts.build();
        if (built.faultInjectedAt() != null) {
            try {
                facts.rpo(rpo(context, topology, built));
            } catch (RuntimeException throttled) {
                // the report is written whatever happens; CloudWatch throttled past the SDK's retries
                facts.note("the replica's lag could not be read: " + throttled.getMessage());
            }
        }
        return facts.build();
    }

    /** The replica's lag before and during the fault, read in the DR region (where RDS publishes it). */
    private static DrillRpo rpo(ActionContext context, DrillTopology topology, DrillFacts facts) {
        String replica = DatabaseInstances.replica(DrillContext.operations(context).clients().rds(topology.drRegion()),
                        DrillContext.operations(context).target().settings().stack())
                .map(DBInstance::dbInstanceIdentifier).orElse(null);
        if (replica == null) {
            return null;
        }
        FaultWindowLag lag = FaultWindowLag.read(ReplicaLagReader.of(DrillContext.operations(context).clients(),
                topology.drRegion(), replica), facts.faultInjectedAt(), facts.restoredAt(), context.clock().now());
        return new DrillRpo(topology.drRegion(), replica, lag.before().measured() ? lag.before().seconds() : null,
                lag.before().at(), lag.before().describe(), lag.during().measured() ? lag.during().seconds() : null,
                lag.during().at(), lag.during().describe());
    }

    private static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> texts.add(String.valueOf(item)));
        }
        return texts;
    }
}
