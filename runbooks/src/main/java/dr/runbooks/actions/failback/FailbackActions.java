package dr.runbooks.actions.failback;

import dr.core.DrException;
import dr.core.engine.Journal;
import dr.core.engine.StepResult;
import dr.core.model.RegionRole;
import dr.regions.database.DatabaseLayout;
import dr.regions.promotion.DatabaseHardening;
import dr.regions.promotion.DatabasePromotion;
import dr.regions.promotion.ReplicaCaughtUp;
import dr.regions.promotion.WriteFreeze;
import dr.regions.promotion.PromotionTarget;
import dr.regions.provision.Failover;
import dr.regions.readiness.ReplicationEvidence;
import dr.runbooks.actions.cycle.CycleReport;
import dr.runbooks.actions.cycle.CycleScope;
import dr.runbooks.actions.promote.PromotionStepAction;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;
import dr.runbooks.step.StepType;
import dr.runbooks.step.StepTypeRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The step types of {@code dr failback} of its own; the rest are {@code dr.runbooks.actions.cycle}'s. The primary
 * region's replica is promoted with the promotion classes pointed at the primary region ({@link CycleScope#in}).
 */
public final class FailbackActions {
    static final Duration POLL = Duration.ofSeconds(15);
    /** Journaled before the freeze's first call, so a resumed run keeps the moment writes first stopped. */
    static final String FREEZE_STARTED = "write-freeze-started";

    public static final StepType PREFLIGHT = StepType.builder("failback-preflight")
            .description("both regions answer; the stack is reprotected (DR's writer, the primary region's replica of "
                    + "it) and the replica is available and replicating")
            .defaultTimeout(Duration.ofMinutes(15))
            .action(params -> context -> {
                DatabaseLayout layout = CycleScope.layout(context);
                Failover state = Failover.of(layout);
                if (state != Failover.REPROTECTED) {
                    throw DrException.failed("stack " + layout.spec().stack() + " is " + describe(state)
                            + ": failback needs a reprotected stack (run dr reprotect first)");
                }
                DatabaseLayout.Placed replica = layout.replica().orElseThrow();
                ReplicationEvidence evidence = ReplicationEvidence.of(replica.db(), context.clock().now());
                if (!evidence.healthyReplica()) {
                    return StepResult.waiting(replica.identifier() + ": " + evidence.summary(), POLL);
                }
                Map<String, Object> outputs = new LinkedHashMap<>();
                outputs.put("writer", layout.writer().orElseThrow().identifier());
                outputs.put("replica", replica.identifier());
                outputs.put("evidence", evidence.toMap());
                return StepResult.ran("writer " + outputs.get("writer") + " in " + layout.spec().drRegion()
                        + ", replica " + replica.identifier() + " in " + replica.region() + " " + evidence.summary(),
                        outputs);
            })
            .build();

    public static final StepType FREEZE = StepType.builder("freeze-writes")
            .description("every listener of DR's app load balancer answers a 503 maintenance response (a listener "
                    + "rule ahead of the forward); the moment is journaled first")
            .defaultTimeout(Duration.ofMinutes(5))
            .action(params -> context -> {
                Instant frozenAt = frozenAt(context).orElseGet(() -> {
                    Instant now = context.clock().now();
                    context.record(FREEZE_STARTED, Map.of("at", now.toString()));
                    return now;
                });
                WriteFreeze freeze = new WriteFreeze(CycleScope.in(context, RegionRole.DR));
                List<String> changed = freeze.freeze("failing back to " + CycleScope.spec(context).primaryRegion()
                        + "; please retry in a few minutes");
                Map<String, Object> outputs = new LinkedHashMap<>();
                outputs.put(CycleReport.FROZEN_AT, frozenAt.toString());
                outputs.put("listeners", changed);
                return StepResult.ran(freeze.loadBalancerName() + " answers 503 maintenance"
                        + (changed.isEmpty() ? " (already)" : " on " + String.join(", ", changed)), outputs);
            })
            .postcondition(params -> context -> frozenUnmet(context, true))
            .build();

    public static final StepType CAUGHT_UP = StepType.builder("wait-caught-up")
            .description("until the primary region's replica holds every write taken before the freeze")
            .defaultTimeout(Duration.ofMinutes(30))
            .action(params -> context -> {
                Instant frozenAt = frozenAt(context).orElseThrow(() -> DrException.failed(
                        "writes were not frozen: run the freeze-writes step first"));
                DatabaseLayout layout = CycleScope.layout(context);
                DatabaseLayout.Placed replica = layout.replica().filter(r -> r.regionRole() == RegionRole.PRIMARY)
                        .orElseThrow(() -> DrException.failed("no read replica in " + layout.spec().primaryRegion()));
                Optional<String> pending = ReplicaCaughtUp.pending(CycleScope.clients(context), replica.region(),
                        replica.db(), frozenAt, context.clock().now());
                if (pending.isPresent()) {
                    return StepResult.waiting(pending.get(), POLL);
                }
                return StepResult.ran(replica.identifier() + " has caught up", Map.of("replica", replica.identifier()));
            })
            .build();

    public static final StepType PROMOTE = StepType.builder("promote-standby")
            .description("PromoteReadReplica of the primary region's replica, automated backups kept 7 days (skipped "
                    + "when already standalone)")
            .defaultTimeout(Duration.ofMinutes(15))
            .action(params -> inPrimary(target -> {
                DatabasePromotion promotion = new DatabasePromotion(target);
                return ignored -> promotion.request();
            }))
            .postcondition(params -> context -> new DatabasePromotion(primary(context)).requestUnmet())
            .build();

    public static final StepType WAIT_WRITABLE = StepType.builder("wait-standby-writable")
            .description("until the promoted primary database is available and no longer a replica; its role recorded")
            .defaultTimeout(Duration.ofMinutes(60))
            .action(params -> inPrimary(target -> {
                DatabasePromotion promotion = new DatabasePromotion(target);
                return ignored -> promotion.awaitWritable();
            }))
            .postcondition(params -> context -> new DatabasePromotion(primary(context)).writableUnmet())
            .build();

    public static final StepType SECURE = StepType.builder("secure-writer")
            .description("deletion protection on the new primary writer (no RDS-managed secret: it is about to be a "
                    + "read replica's source)")
            .defaultTimeout(Duration.ofMinutes(20))
            .action(params -> inPrimary(target -> {
                DatabaseHardening hardening = new DatabaseHardening(target, false);
                return ignored -> hardening.ensure();
            }))
            .postcondition(params -> context -> new DatabaseHardening(primary(context), false).unmet())
            .build();

    public static final StepType UNFREEZE = StepType.builder("unfreeze-writes")
            .description("deletes the maintenance rules from DR's app load balancer (run always, like the drill's "
                    + "restore)")
            .defaultTimeout(Duration.ofMinutes(5))
            .action(params -> context -> {
                WriteFreeze freeze = new WriteFreeze(CycleScope.in(context, RegionRole.DR));
                List<String> changed = freeze.unfreeze();
                Map<String, Object> outputs = new LinkedHashMap<>();
                outputs.put(CycleReport.UNFROZEN_AT, context.clock().now().toString());
                outputs.put("listeners", changed);
                return StepResult.ran(changed.isEmpty() ? "no maintenance rule on " + freeze.loadBalancerName()
                        : freeze.loadBalancerName() + " serves again (" + String.join(", ", changed) + ")", outputs);
            })
            .postcondition(params -> context -> frozenUnmet(context, false))
            .build();

    private FailbackActions() {
    }

    /** The moment the freeze started, as journaled by this run (also before a crash and resume). */
    static Optional<Instant> frozenAt(ActionContext context) {
        return context.records(FREEZE_STARTED).stream().findFirst().map(Journal.Entry::data)
                .map(data -> Instant.parse(data.get("at").toString()));
    }

    private static String describe(Failover state) {
        return switch (state) {
            case NONE -> "not failed over (its writer is in the primary region)";
            case PROMOTED -> "promoted but not reprotected (the primary region has no replica)";
            case REPROTECTED -> "reprotected";
        };
    }

    /** Empty when DR's app load balancer is frozen (or not), as {@code frozen} asks; else what is not so. */
    private static Optional<String> frozenUnmet(ActionContext context, boolean frozen) {
        WriteFreeze freeze = new WriteFreeze(CycleScope.in(context, RegionRole.DR));
        return freeze.frozen() == frozen ? Optional.empty() : Optional.of(freeze.loadBalancerName()
                + (frozen ? " has no maintenance rule" : " still answers 503 maintenance"));
    }

    private static PromotionTarget primary(ActionContext context) {
        return CycleScope.in(context, RegionRole.PRIMARY);
    }

    /** A promotion step on the primary region's replica, made on the first call and polled after. */
    private static RunbookAction inPrimary(Function<PromotionTarget, RunbookAction> step) {
        return PromotionStepAction.in(FailbackActions::primary, step);
    }

    public static StepTypeRegistry register(StepTypeRegistry registry) {
        return registry.register(PREFLIGHT).register(FREEZE).register(CAUGHT_UP).register(PROMOTE)
                .register(WAIT_WRITABLE).register(SECURE).register(UNFREEZE);
    }
}
