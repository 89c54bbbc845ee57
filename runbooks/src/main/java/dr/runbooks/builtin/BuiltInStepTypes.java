package dr.runbooks.builtin;

import dr.runbooks.step.ParamSpec;
import dr.runbooks.step.ParamType;
import dr.runbooks.step.StepType;
import dr.runbooks.step.StepTypeRegistry;

import java.time.Duration;

/** The generic step types every runbook may use: {@code approval}, {@code wait} and {@code note}. */
public final class BuiltInStepTypes {
    /** Margin on top of a wait's own duration before the engine calls it timed out. */
    private static final Duration WAIT_MARGIN = Duration.ofMinutes(1);

    public static final StepType APPROVAL = StepType.builder("approval")
            .description("asks 'Continue? [y/N]' on the terminal; --yes answers yes; without a terminal or --yes "
                    + "the run stops (exit 2)")
            .param(ParamSpec.optional("message", ParamType.TEXT, null, "what is about to happen, shown above the question"))
            // a person is answering; the engine's timeout does not interrupt a question being asked
            .defaultTimeout(Duration.ofHours(24))
            .action(params -> new ApprovalAction(params.optionalText("message").orElse(null)))
            .build();

    public static final StepType WAIT = StepType.builder("wait")
            .description("waits a fixed time on the clock")
            .param(ParamSpec.required("duration", ParamType.DURATION, "how long to wait, e.g. 90s or 5m"))
            .param(ParamSpec.optional("reason", ParamType.TEXT, null, "why, shown while waiting"))
            .defaultTimeout(params -> params.duration("duration").plus(WAIT_MARGIN))
            .action(params -> new WaitAction(params.duration("duration"), params.optionalText("reason").orElse(null)))
            .build();

    public static final StepType NOTE = StepType.builder("note")
            .description("records a message in the output, the journal and the report")
            .param(ParamSpec.required("message", ParamType.TEXT, "the message"))
            .defaultTimeout(Duration.ofMinutes(1))
            .action(params -> new NoteAction(params.text("message")))
            .build();

    private BuiltInStepTypes() {
    }

    public static StepTypeRegistry registerAll(StepTypeRegistry registry) {
        return registry.register(APPROVAL).register(WAIT).register(NOTE);
    }

    /** A new registry holding the built-in types, for callers to add their own to. */
    public static StepTypeRegistry newRegistry() {
        return registerAll(new StepTypeRegistry());
    }
}
