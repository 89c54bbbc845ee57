package dr.runbooks.actions.drill;

import dr.core.ExitCode;
import dr.core.engine.StepResult;
import dr.core.report.drill.DrillObservation.Phase;
import dr.runbooks.step.ParamSpec;
import dr.runbooks.step.ParamType;
import dr.runbooks.step.RunbookAction;
import dr.runbooks.step.StepParams;
import dr.runbooks.step.StepType;
import dr.runbooks.step.StepTypeRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The failover drill's step types: {@code drill-preflight}, {@code inject-fault}, {@code observe},
 * {@code restore-fault} and {@code drill-report}. They share what they learn through the run's journal (see
 * {@link DrillRecords}), never through memory alone, so a drill can always be restored and reported after a crash.
 */
public final class DrillActions {
    /** Run attribute: an {@code EdgeProbe} to use instead of the default (tests). */
    public static final String EDGE_PROBE_ATTRIBUTE = "drill.edge-probe";
    /** Run attribute: an {@code AddressResolver} to use instead of the default (tests). */
    public static final String ADDRESS_RESOLVER_ATTRIBUTE = "drill.address-resolver";

    public static final String PREFLIGHT = "drill-preflight";
    public static final String INJECT = "inject-fault";
    public static final String OBSERVE = "observe";
    public static final String RESTORE = "restore-fault";
    public static final String REPORT = "drill-report";

    static final Duration DEFAULT_OBSERVE_TIMEOUT = Duration.ofMinutes(10);
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    static final Duration DEFAULT_RTO_TARGET = Duration.ofMinutes(5);
    /** The engine's timeout of an observe step beyond its own: it ends itself at its timeout, this never fires. */
    static final Duration OBSERVE_MARGIN = Duration.ofMinutes(2);

    private DrillActions() {
    }

    public static StepTypeRegistry register(StepTypeRegistry registry) {
        return registry
                .register(StepType.builder(PREFLIGHT)
                        .description("discovers the stack; refuses (exit 3) unless it is complete, the replica"
                                + " available, the health check healthy and the DR Auto Scaling groups in service")
                        .param(ParamSpec.optional("force", ParamType.FLAG, false,
                                "go ahead anyway, listing the problems in the report"))
                        .param(ParamSpec.optional("fault", ParamType.TEXT, FaultKind.INGRESS.label(),
                                "the fault the drill will inject (" + FaultKind.names() + "), for its own checks")
                                .withChoices(FaultKind.labels()))
                        .defaultTimeout(Duration.ofMinutes(5))
                        .action(params -> fault(params).<RunbookAction>map(kind ->
                                new PreflightAction(params.flag("force"), kind)).orElseGet(() -> badFault(params)))
                        .build())
                .register(StepType.builder(INJECT)
                        .description("journals exactly what it will change, then breaks the primary: revokes the"
                                + " HTTP/HTTPS ingress of its load balancers, or inverts the health check")
                        .param(ParamSpec.optional("fault", ParamType.TEXT, FaultKind.INGRESS.label(),
                                "which fault: " + FaultKind.names()).withChoices(FaultKind.labels()))
                        .defaultTimeout(Duration.ofMinutes(5))
                        .action(params -> fault(params).<RunbookAction>map(InjectFaultAction::new)
                                .orElseGet(() -> badFault(params)))
                        .build())
                .register(StepType.builder(OBSERVE)
                        .description("polls the health check, Route 53's answer for api.<domain> and the region"
                                + " CloudFront serves from, until traffic has moved or the timeout")
                        .param(ParamSpec.required("expect", ParamType.TEXT, "failover or failback")
                                .withChoices(List.of("failover", "failback")))
                        .param(ParamSpec.optional("interval", ParamType.DURATION, DEFAULT_INTERVAL,
                                "time between polls"))
                        .param(ParamSpec.optional("timeout", ParamType.DURATION, DEFAULT_OBSERVE_TIMEOUT,
                                "give up waiting after this long (the drill goes on to restore and report)"))
                        .defaultTimeout(params -> params.duration("timeout").plus(OBSERVE_MARGIN))
                        .action(DrillActions::observe)
                        .build())
                .register(StepType.builder(RESTORE)
                        .description("puts back exactly what the journal says the fault changed; harmless to repeat")
                        .defaultTimeout(Duration.ofMinutes(10))
                        .action(params -> new RestoreFaultAction())
                        .build())
                .register(StepType.builder(REPORT)
                        .description("writes the drill report (Markdown, JSON, HTML with a timeline): RTO per tier"
                                + " against the target (exit 3 when missed), failback times, the modeled figures")
                        .param(ParamSpec.optional("rto-target", ParamType.DURATION, DEFAULT_RTO_TARGET,
                                "the RTO each tier must meet"))
                        .defaultTimeout(Duration.ofMinutes(2))
                        .action(params -> new DrillReportAction(params.duration("rto-target")))
                        .build());
    }

    private static RunbookAction observe(StepParams params) {
        String expect = params.text("expect");
        if (!expect.equals("failover") && !expect.equals("failback")) {
            return context -> StepResult.failed("observe: expect must be failover or failback, not '"
                    + expect + "'", ExitCode.BAD_INPUT);
        }
        return new ObserveAction(expect.equals("failover") ? Phase.FAILOVER : Phase.FAILBACK,
                params.duration("interval"), params.duration("timeout"));
    }

    private static Optional<FaultKind> fault(StepParams params) {
        return FaultKind.parse(params.text("fault"));
    }

    private static RunbookAction badFault(StepParams params) {
        return context -> StepResult.failed("unknown fault '" + params.text("fault") + "' (known: "
                + FaultKind.names() + ")", ExitCode.BAD_INPUT);
    }
}
