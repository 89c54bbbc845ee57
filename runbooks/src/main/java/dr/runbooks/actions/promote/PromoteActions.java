package dr.runbooks.actions.promote;

import dr.core.ExitCode;
import dr.core.engine.StepResult;
import dr.regions.database.DatabaseRoles;
import dr.regions.promotion.ApiRecordsFence;
import dr.regions.promotion.ComputeScaleUp;
import dr.regions.promotion.DatabaseDns;
import dr.regions.promotion.DatabaseHardening;
import dr.regions.promotion.DatabasePromotion;
import dr.regions.promotion.OriginGroupFence;
import dr.regions.promotion.PromotionTarget;
import dr.runbooks.step.ParamSpec;
import dr.runbooks.step.ParamType;
import dr.runbooks.step.Postcondition;
import dr.runbooks.step.RunbookAction;
import dr.runbooks.step.StepParams;
import dr.runbooks.step.StepType;
import dr.runbooks.step.StepTypeRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The step types of {@code dr promote-replica}. Every one calls the DR region or the global services (Route 53,
 * CloudFront) only, never the primary region; every one looks before it changes anything, so a second run changes
 * nothing and a run resumed after a crash finishes the job. The steps on a global API are best effort (their control
 * planes live in us-east-1, which may be the region that is down): pending rather than failed when it does not answer.
 */
public final class PromoteActions {
    /** An {@code EdgeProbe} the caller may share to look at CloudFront with (default: HTTPS, or the sandbox's edge). */
    public static final String EDGE_PROBE_ATTRIBUTE = "promote.edge-probe";

    public static final StepType PREFLIGHT = StepType.builder("promote-preflight")
            .description("in the DR region only: the replica exists and is available; RDS's replication status and "
                    + "the replica's lag (CloudWatch ReplicaLag, read in the DR region) recorded as RPO evidence, and "
                    + "what a promotion would lose printed (an already promoted database passes)")
            .param(ParamSpec.optional("max-lag", ParamType.NUMBER, null, "seconds of lag above which the run stops "
                    + "(exit 3) before the approval; none: no bound"))
            .param(ParamSpec.optional("force", ParamType.FLAG, false, "promote even when the lag is above max-lag "
                    + "or unknown"))
            .defaultTimeout(Duration.ofMinutes(15))
            .action(params -> {
                Integer maxLag = params.asMap().get("max-lag") instanceof Integer n ? n : null;
                boolean force = Boolean.TRUE.equals(params.asMap().get("force"));
                return new PromotionStepAction(target -> new PreflightTask(target, maxLag == null ? null
                        : Duration.ofSeconds(maxLag), force));
            })
            .build();

    public static final StepType PROMOTE = StepType.builder("promote-database")
            .description("PromoteReadReplica with automated backups kept on (skipped when already standalone)")
            .param(ParamSpec.optional("backup-retention-days", ParamType.NUMBER, DatabaseRoles.BACKUP_RETENTION_DAYS,
                    "days of automated backups the promoted database keeps (1 to 35)"))
            .defaultTimeout(Duration.ofMinutes(15))
            .action(params -> {
                int days = params.number("backup-retention-days");
                if (days < 1 || days > 35) {
                    return context -> StepResult.failed("backup-retention-days must be 1 to 35, not " + days, ExitCode.BAD_INPUT);
                }
                return new PromotionStepAction(target -> {
                    DatabasePromotion promotion = new DatabasePromotion(target, days);
                    return context -> promotion.request();
                });
            })
            .postcondition(holds(target -> new DatabasePromotion(target).requestUnmet()))
            .build();

    public static final StepType WAIT_WRITABLE = StepType.builder("wait-database-available")
            .description("until the promoted database is available and no longer a replica: writable")
            .defaultTimeout(Duration.ofMinutes(60))
            .action(params -> new PromotionStepAction(target -> {
                DatabasePromotion promotion = new DatabasePromotion(target);
                return context -> promotion.awaitWritable();
            }))
            .postcondition(holds(target -> new DatabasePromotion(target).writableUnmet()))
            .build();

    public static final StepType SECURE = StepType.builder("secure-database")
            .description("deletion protection on, and a master user secret managed by RDS in the DR region")
            .defaultTimeout(Duration.ofMinutes(20))
            .action(params -> new PromotionStepAction(target -> {
                DatabaseHardening hardening = new DatabaseHardening(target);
                return context -> hardening.ensure();
            }))
            .postcondition(holds(target -> new DatabaseHardening(target).unmet()))
            .build();

    public static final StepType POINT_DNS = StepType.builder("point-database-dns")
            .description("the DR private zone's database CNAME names the promoted database (UPSERT only if not); "
                    + "PENDING when the Route 53 API does not answer")
            .defaultTimeout(Duration.ofMinutes(10))
            .action(params -> global("Route 53", target -> {
                DatabaseDns dns = new DatabaseDns(target);
                return context -> dns.ensure();
            }))
            .postcondition(holds(target -> new DatabaseDns(target).unmet()))
            .build();

    public static final StepType SCALE = StepType.builder("scale-compute")
            .description("DR Auto Scaling groups to the primary's min, desired and max, until InService")
            .param(ParamSpec.optional("capacity", ParamType.TEXT, "primary", "the capacity to scale to: primary")
                    .withChoices(List.of("primary")))
            .defaultTimeout(Duration.ofMinutes(30))
            .action(params -> {
                if (!"primary".equals(params.text("capacity"))) {
                    return context -> StepResult.failed("scale-compute: capacity must be primary, not '"
                            + params.text("capacity") + "'", ExitCode.BAD_INPUT);
                }
                return new PromotionStepAction(target -> {
                    ComputeScaleUp scale = new ComputeScaleUp(target);
                    return context -> scale.ensure();
                });
            })
            .postcondition(holds(target -> new ComputeScaleUp(target).unmet()))
            .build();

    public static final StepType FENCE_RECORDS = StepType.builder("fence-api-records")
            .description("both api.<domain> failover records name the DR app load balancer, without health check; "
                    + "PENDING when the Route 53 API does not answer")
            .defaultTimeout(Duration.ofMinutes(10))
            .action(params -> global("Route 53", target -> {
                ApiRecordsFence fence = new ApiRecordsFence(target);
                return context -> fence.ensure();
            }))
            .postcondition(holds(target -> new ApiRecordsFence(target).unmet()))
            .build();

    public static final StepType FENCE_ORIGINS = StepType.builder("fence-origin-group")
            .description("CloudFront serves from the DR origin alone (default behavior), until Deployed; PENDING when the "
                    + "CloudFront API does not answer")
            .defaultTimeout(Duration.ofMinutes(45))
            .action(params -> global("CloudFront", target -> {
                OriginGroupFence fence = new OriginGroupFence(target);
                return context -> fence.ensure();
            }))
            .postcondition(holds(target -> new OriginGroupFence(target).unmet()))
            .build();

    public static final StepType CHECK_SERVING = StepType.builder("check-serving")
            .description("through the data planes only (DNS answers for api.<domain>, CloudFront at app.<domain>), "
                    + "until users are served from DR, at most 'wait'; not by then: fails if 'required', else says so")
            .param(ParamSpec.optional("wait", ParamType.DURATION, Duration.ZERO,
                    "how long to keep looking for users on DR (0s: one look)"))
            .param(ParamSpec.optional("required", ParamType.FLAG, false,
                    "fail the run when users are not served from DR by then"))
            .defaultTimeout(Duration.ofMinutes(20))
            .action(params -> {
                Duration wait = params.duration("wait");
                boolean required = params.flag("required");
                return new PromotionStepAction((target, context) ->
                        new ServingTask(PromoteScope.servingCheck(context, target), wait, required));
            })
            .build();

    public static final StepType REPORT = StepType.builder("promote-report")
            .description("Markdown and JSON report: time to DB writable, to full capacity and to users on DR, the "
                    + "pending global steps, replication evidence, each step")
            .defaultTimeout(Duration.ofMinutes(2))
            .action(params -> new PromotionReportAction())
            .postcondition(params -> Postcondition.madeAfresh("a resumed run reports on the whole run as it ends"))
            .build();

    private PromoteActions() {
    }

    /**
     * What a promotion step leaves true in the cloud, looked at in the DR region or on the global APIs only, like the
     * step itself: a resumed run checks it for the steps its journal calls finished and runs them again if it does
     * not hold. A global API that does not answer cannot confirm it: the step runs again and ends pending again.
     */
    private static Function<StepParams, Postcondition> holds(Function<PromotionTarget, Optional<String>> check) {
        return params -> context -> check.apply(PromoteScope.target(context));
    }

    /** A step on a global API: best effort, {@link GlobalStepTask pending} when that API cannot be reached. */
    private static PromotionStepAction global(String api, Function<PromotionTarget, RunbookAction> factory) {
        return new PromotionStepAction((target, context) ->
                new GlobalStepTask(api, PromoteScope.finishCommand(context), factory.apply(target)));
    }

    public static StepTypeRegistry register(StepTypeRegistry registry) {
        return registry.register(PREFLIGHT).register(PROMOTE).register(WAIT_WRITABLE).register(SECURE)
                .register(POINT_DNS).register(SCALE).register(FENCE_RECORDS).register(FENCE_ORIGINS)
                .register(CHECK_SERVING).register(REPORT);
    }
}
