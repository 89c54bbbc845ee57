package dr.runbooks;

import dr.core.ExitCode;
import dr.core.engine.StepResult;
import dr.runbooks.builtin.BuiltInStepTypes;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.ParamSpec;
import dr.runbooks.step.ParamType;
import dr.runbooks.step.RunbookAction;
import dr.runbooks.step.StepType;
import dr.runbooks.step.StepTypeRegistry;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Step types for runner tests, on top of the built-ins. Every action appends its step id to {@link #calls} when it
 * runs, so tests can see what ran and how often.
 * <ul>
 *   <li>{@code record}: done at once, with outputs {@code {"value": <param value>}}.</li>
 *   <li>{@code fail}: fails with the exit code named by param {@code exit-code}.</li>
 *   <li>{@code throw}: throws an IllegalStateException (a bug or an AWS error the engine does not retry).</li>
 *   <li>{@code crash}: throws an Error, as a killed process would stop, the first {@code times} runs.</li>
 *   <li>{@code hook}: runs the Runnable in attribute {@code hook} (e.g. the test's Ctrl-C), then waits {@code polls}
 *       polls of 10s.</li>
 *   <li>{@code save} / {@code read-saved}: journals a record / reads the records of the run back into its outputs.</li>
 *   <li>{@code echo}: outputs the outputs of step {@code from}; {@code bad-output}: outputs what JSON cannot hold.</li>
 *   <li>{@code ensure}: puts its {@code value} into {@link #cloud}; its postcondition: the value is there (a
 *       postcondition that cannot be read when {@link #cloudReadable} is false).</li>
 * </ul>
 */
final class TestSteps {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final StepTypeRegistry registry = BuiltInStepTypes.newRegistry();
    /** What {@code ensure} steps made true: the "cloud" their postcondition looks at. */
    final Set<String> cloud = ConcurrentHashMap.newKeySet();
    volatile boolean cloudReadable = true;
    /** When set, an {@code ensure} step dies (as a killed process) before it puts anything. */
    volatile boolean ensureDies;
    private int crashesLeft;

    static final class Crash extends Error {
        Crash(String message) {
            super(message);
        }
    }

    TestSteps() {
        registry.register(StepType.builder("record").description("records its call")
                .param(ParamSpec.optional("value", ParamType.TEXT, "v", "an output value"))
                .action(params -> context -> {
                    calls.add(context.stepId());
                    return StepResult.ran("recorded", Map.of("value", params.text("value")));
                }).build());
        registry.register(StepType.builder("fail").description("fails")
                .param(ParamSpec.optional("exit-code", ParamType.TEXT, "FAILED", "exit code name"))
                .action(params -> context -> {
                    calls.add(context.stepId());
                    return StepResult.failed("it failed on purpose", ExitCode.valueOf(params.text("exit-code")));
                }).build());
        registry.register(StepType.builder("throw").description("throws")
                .action(params -> context -> {
                    calls.add(context.stepId());
                    throw new IllegalStateException("boom");
                }).build());
        registry.register(StepType.builder("crash").description("dies like a killed process")
                .param(ParamSpec.optional("times", ParamType.NUMBER, 1, "how many runs crash"))
                .action(params -> context -> {
                    calls.add(context.stepId());
                    synchronized (this) {
                        if (crashesLeft == -1) {
                            crashesLeft = params.number("times");
                        }
                        if (crashesLeft > 0) {
                            crashesLeft--;
                            throw new Crash("killed during " + context.stepId());
                        }
                    }
                    return StepResult.ran("survived");
                }).build());
        registry.register(StepType.builder("hook").description("calls attribute 'hook', then polls")
                .param(ParamSpec.optional("polls", ParamType.NUMBER, 0, "how many 10s polls before done"))
                .action(params -> new RunbookAction() {
                    private int polls;

                    @Override
                    public StepResult execute(ActionContext context) {
                        if (polls == 0) {
                            calls.add(context.stepId());
                            context.attribute("hook", Runnable.class).ifPresent(Runnable::run);
                        }
                        if (polls++ < params.number("polls")) {
                            return StepResult.waiting("polling", Duration.ofSeconds(10));
                        }
                        return StepResult.ran("polled " + (polls - 1) + " times");
                    }
                }).build());
        registry.register(StepType.builder("save").description("journals a record")
                .param(ParamSpec.required("value", ParamType.TEXT, "what to save"))
                .action(params -> context -> {
                    calls.add(context.stepId());
                    context.record("saved", Map.of("value", params.text("value")));
                    return StepResult.ran("saved");
                }).build());
        registry.register(StepType.builder("read-saved").description("reads the saved records")
                .action(params -> context -> {
                    calls.add(context.stepId());
                    List<Object> values = context.records("saved").stream().map(entry -> entry.data().get("value")).toList();
                    return StepResult.ran("read " + values.size(), Map.of("values", values));
                }).build());
        registry.register(StepType.builder("echo").description("outputs the outputs of another step")
                .param(ParamSpec.required("from", ParamType.TEXT, "the step to echo"))
                .action(params -> context -> {
                    calls.add(context.stepId());
                    return StepResult.ran("echoed", context.outputs(params.text("from")));
                }).build());
        registry.register(StepType.builder("bad-output").description("returns an output the journal cannot write")
                .action(params -> context -> {
                    calls.add(context.stepId());
                    return StepResult.ran("oops", Map.of("thing", new Object()));
                }).build());
        registry.register(StepType.builder("ensure").description("puts its value into the test's cloud")
                .param(ParamSpec.optional("value", ParamType.TEXT, "v", "what to put"))
                .action(params -> context -> {
                    calls.add(context.stepId());
                    if (ensureDies) {
                        throw new Crash("killed during " + context.stepId());
                    }
                    cloud.add(params.text("value"));
                    return StepResult.ran("put " + params.text("value"), Map.of("value", params.text("value")));
                })
                .postcondition(params -> context -> {
                    if (!cloudReadable) {
                        throw new IllegalStateException("the cloud does not answer");
                    }
                    return cloud.contains(params.text("value")) ? Optional.empty()
                            : Optional.of(params.text("value") + " is not in the cloud");
                }).build());
        crashesLeft = -1;
    }

    Runbook load(String yaml) {
        return new RunbookLoader(registry).load(new StringReader(yaml), "test.yaml");
    }

    /** A runbook of steps given as {@code id:type} or {@code id:type:always}. */
    Runbook runbook(String... steps) {
        StringBuilder yaml = new StringBuilder("name: test\ndescription: a test runbook\nsteps:\n");
        for (String step : steps) {
            String[] parts = step.split(":");
            yaml.append("  - id: ").append(parts[0]).append("\n    type: ").append(parts[1]).append('\n');
            if (parts.length > 2 && parts[2].equals("always")) {
                yaml.append("    always: true\n");
            }
        }
        return load(yaml.toString());
    }
}
