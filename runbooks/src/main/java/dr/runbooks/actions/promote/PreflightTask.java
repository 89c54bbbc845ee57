package dr.runbooks.actions.promote;

import dr.core.ExitCode;
import dr.core.engine.DurationFormat;
import dr.core.engine.StepResult;
import dr.regions.promotion.PromotionTarget;
import dr.regions.promotion.ReplicaPreflight;
import dr.regions.rpo.LagReading;
import dr.regions.rpo.ReplicaLagReader;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The preflight, with its evidence also journaled as its own record ({@value #EVIDENCE}) the moment it is seen:
 * the RPO evidence survives whatever happens to the run after it. For a replica still replicating it then reads the
 * replica's lag in the DR region (never the primary's: it may be dark), prints what a promotion now would lose,
 * records that too ({@value #RPO}), and stops the run (exit 3) when the lag is not under {@code maxLag}, or cannot be
 * read, unless {@code force}.
 */
final class PreflightTask implements RunbookAction {
    static final String EVIDENCE = "replication-evidence";
    static final String RPO = "rpo";

    private final PromotionTarget target;
    private final ReplicaPreflight preflight;
    private final Duration maxLag;
    private final boolean force;

    PreflightTask(PromotionTarget target, Duration maxLag, boolean force) {
        this.target = target;
        this.preflight = new ReplicaPreflight(target);
        this.maxLag = maxLag;
        this.force = force;
    }

    @Override
    public StepResult execute(ActionContext context) {
        StepResult result = preflight.check(context.clock().now());
        if (!(result instanceof StepResult.Done done)) {
            return result;
        }
        if (done.outputs().get("evidence") instanceof Map<?, ?> evidence) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) evidence;
            context.record(EVIDENCE, data);
        }
        if (Boolean.TRUE.equals(done.outputs().get("alreadyPromoted"))) {
            return result;
        }
        String replica = target.requireDatabase().dbInstanceIdentifier();
        LagReading reading = ReplicaLagReader.of(target.clients(), target.drRegion(), replica)
                .latest(context.clock().now());
        String loss = "a promotion now would lose " + reading.wouldLose() + " (ReplicaLag of "
                + replica + ", read in " + target.drRegion() + ")";
        context.out().println("RPO: " + loss);
        context.out().flush();
        Map<String, Object> rpo = new LinkedHashMap<>(reading.toMap());
        rpo.put("wouldLose", reading.wouldLose());
        rpo.put("maxLagSeconds", maxLag == null ? null : maxLag.toSeconds());
        boolean beyond = maxLag != null && !reading.under(maxLag);
        rpo.put("boundOverriddenByForce", beyond && force);
        context.record(RPO, rpo);
        if (beyond && !force) {
            return StepResult.failed((reading.measured() ? "replica lag " + reading.figure() + " is not under"
                    : "replica lag unknown (" + reading.describe() + "), so not shown to be under") + " --max-lag "
                    + DurationFormat.compact(maxLag) + ": " + loss + "; --force promotes anyway", ExitCode.NOT_READY);
        }
        Map<String, Object> outputs = new LinkedHashMap<>(done.outputs());
        outputs.put(RPO, rpo);
        return StepResult.ran(done.resourceId() + "; " + loss + (beyond ? " (above --max-lag, --force)" : ""),
                outputs);
    }
}
