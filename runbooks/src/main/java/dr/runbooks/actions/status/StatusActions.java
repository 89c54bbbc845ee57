package dr.runbooks.actions.status;

import dr.core.ExitCode;
import dr.core.engine.StepResult;
import dr.core.model.RegionRole;
import dr.regions.readiness.EdgeReadiness;
import dr.regions.readiness.ImageAgeReadiness;
import dr.regions.readiness.RecoveryPointReadiness;
import dr.regions.readiness.ReadinessScope;
import dr.regions.readiness.RegionReadiness;
import dr.regions.readiness.ReplicaReadiness;
import dr.regions.readiness.StackReadiness;
import dr.regions.readiness.Verdict;
import dr.runbooks.step.ParamSpec;
import dr.runbooks.step.ParamType;
import dr.runbooks.step.RunbookAction;
import dr.runbooks.step.StepType;
import dr.runbooks.step.StepTypeRegistry;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The step types of {@code dr status}. Every one of them only reads: Describe, List and Get calls, never a change.
 * The checks record findings; {@code status-report} judges them (exit 3 with the reasons when not ready).
 */
public final class StatusActions {
    /**
     * Run attribute: the {@code StackSpec} with both regions, when the caller has located them already (the CLI does,
     * to refuse a stack it cannot find before any step runs); else the discover step finds them.
     */
    static final String SPEC_ATTRIBUTE = "status.spec";
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(5);
    /** check-replica's bound on the replica's lag, in seconds ({@code --max-lag}). */
    public static final String MAX_LAG = "max-lag";

    public static final StepType DISCOVER = StepType.builder("status-discover")
            .description("finds the stack's regions (when not given) and every resource of it by its tags")
            .defaultTimeout(CHECK_TIMEOUT)
            .action(params -> new DiscoverAction())
            .build();

    public static final StepType CHECK_REGION = StepType.builder("check-region")
            .description("network, security, web and app tiers, subnet group, private zone and vault of one region; "
                    + "a problem in the primary region is a warning, in DR a failure")
            .param(ParamSpec.required("region-role", ParamType.TEXT, "primary or dr")
                    .withChoices(List.of("primary", "dr")))
            .defaultTimeout(CHECK_TIMEOUT)
            .action(params -> regionRole(params.text("region-role"))
                    .<RunbookAction>map(role -> new CheckAction(scope -> new RegionReadiness(scope, role).check(),
                            scope -> scope.region(role), role == RegionRole.PRIMARY ? Verdict.WARN : Verdict.FAIL))
                    .orElse(context -> StepResult.failed("check-region: region-role must be primary or dr, not '"
                            + params.text("region-role") + "'", ExitCode.BAD_INPUT)))
            .build();

    public static final StepType CHECK_REPLICA = StepType.builder("check-replica")
            .description("the DR read replica available and replicating, with the evidence RDS gives; its lag "
                    + "(CloudWatch ReplicaLag, read in the DR region) now and its maximum over the last hour, under "
                    + "max-lag")
            .param(ParamSpec.optional(MAX_LAG, ParamType.NUMBER, (int) ReplicaReadiness.DEFAULT_MAX_LAG.toSeconds(),
                    "seconds of replica lag at or above which DR is not ready"))
            .defaultTimeout(CHECK_TIMEOUT)
            .action(params -> {
                Duration maxLag = Duration.ofSeconds(params.number(MAX_LAG));
                return new CheckAction(scope -> new ReplicaReadiness(scope, maxLag).check(), StatusActions::dr,
                        Verdict.FAIL);
            })
            .build();

    public static final StepType CHECK_RECOVERY_POINT = StepType.builder("check-recovery-point")
            .description("the newest completed recovery point in the DR vault, and the newest web and app images "
                    + "in DR, no older than max-age (a tier on your own image has no age bound)")
            .param(ParamSpec.optional("max-age", ParamType.DURATION, StackReadiness.DEFAULT_MAX_RECOVERY_POINT_AGE,
                    "oldest acceptable newest recovery point"))
            .defaultTimeout(CHECK_TIMEOUT)
            .action(params -> {
                Duration maxAge = params.duration("max-age");
                return new CheckAction(scope -> java.util.stream.Stream.concat(
                        new RecoveryPointReadiness(scope, maxAge).check().stream(),
                        new ImageAgeReadiness(scope, maxAge).check().stream()).toList(), StatusActions::dr,
                        Verdict.FAIL);
            })
            .build();

    public static final StepType CHECK_EDGE = StepType.builder("check-edge")
            .description("health check status, distribution deployed, web ACL attached, certificates issued, "
                    + "api failover records")
            .defaultTimeout(CHECK_TIMEOUT)
            .action(params -> new CheckAction(scope -> new EdgeReadiness(scope).check(), scope -> "global",
                    Verdict.FAIL))
            .build();

    public static final StepType REPORT = StepType.builder("status-report")
            .description("the verdict: ready for failover, or not ready (exit 3) with the reasons")
            .defaultTimeout(Duration.ofMinutes(1))
            .action(params -> new StatusReportAction())
            .build();

    private StatusActions() {
    }

    public static StepTypeRegistry register(StepTypeRegistry registry) {
        return registry.register(DISCOVER).register(CHECK_REGION).register(CHECK_REPLICA)
                .register(CHECK_RECOVERY_POINT).register(CHECK_EDGE).register(REPORT);
    }

    private static String dr(ReadinessScope scope) {
        return scope.region(RegionRole.DR);
    }

    static Optional<RegionRole> regionRole(String text) {
        return Arrays.stream(RegionRole.values()).filter(role -> role.tagValue().equals(text.strip().toLowerCase(
                Locale.ROOT))).findFirst();
    }
}
