package dr.runbooks;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.clock.VirtualClock;
import dr.core.engine.Journal;
import dr.core.engine.StepResult;
import dr.runbooks.builtin.BuiltInStepTypes;
import dr.runbooks.step.ParamSpec;
import dr.runbooks.step.ParamType;
import dr.runbooks.step.StepType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunbookLoaderTest {
    private final RunbookLoader loader = new RunbookLoader(BuiltInStepTypes.newRegistry());

    private Runbook load(String yaml) {
        return loader.load(new StringReader(yaml), "my.yaml");
    }

    private static DrException badInput(Throwable thrown) {
        assertThat(thrown).isInstanceOf(DrException.class);
        DrException error = (DrException) thrown;
        assertThat(error.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        return error;
    }

    @Nested
    class AWellFormedRunbook {
        @Test
        void keepsStepsInOrderWithTypedParamsTimeoutsAndAlways() {
            Runbook runbook = load("""
                    name: maintenance
                    description: a window
                    steps:
                      - id: ask
                        type: approval
                        params:
                          message: Go?
                      - id: settle
                        type: wait
                        timeout: 20m
                        params:
                          duration: 1h30m
                      - id: tell
                        type: note
                        always: true
                        params:
                          message: done
                    """);

            assertThat(runbook.name()).isEqualTo("maintenance");
            assertThat(runbook.steps()).extracting(RunbookStep::id).containsExactly("ask", "settle", "tell");
            assertThat(runbook.step("settle").params().duration("duration")).isEqualTo(Duration.ofMinutes(90));
            assertThat(runbook.step("settle").timeout()).isEqualTo(Duration.ofMinutes(20));
            assertThat(runbook.step("settle").line()).isEqualTo(8);
            assertThat(runbook.step("ask").timeout()).as("no timeout given: the type's default applies").isNull();
            assertThat(runbook.alwaysSteps()).extracting(RunbookStep::id).containsExactly("tell");
            assertThat(runbook.runnable()).isTrue();
        }

        @Test
        void aWaitWithoutTimeoutGetsItsDurationPlusAMargin() {
            Runbook runbook = load("""
                    name: w
                    steps:
                      - id: settle
                        type: wait
                        params: {duration: 10m}
                    """);

            assertThat(runbook.step("settle").effectiveTimeout()).contains(Duration.ofMinutes(11));
        }

        @Test
        void readsAFileAndNamesItInMessages(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("mine.yaml");
            Files.writeString(file, "name: mine\nsteps:\n  - id: a\n    type: nope\n");

            assertThatThrownBy(() -> loader.load(file)).satisfies(thrown -> assertThat(badInput(thrown))
                    .hasMessageStartingWith(file + " line 4: unknown step type 'nope'"));
        }

        @Test
        void aMissingFileIsBadInput(@TempDir Path dir) {
            assertThatThrownBy(() -> loader.load(dir.resolve("absent.yaml"))).satisfies(thrown ->
                    assertThat(badInput(thrown)).hasMessageContaining("absent.yaml cannot be read: no such file"));
        }
    }

    @Nested
    class MistakesAreBadInputWithFileAndLine {
        @Test
        void unknownStepType() {
            assertThatThrownBy(() -> load("""
                    name: x
                    steps:
                      - id: first
                        type: note
                        params: {message: hi}
                      - id: second
                        type: inject-fault
                    """)).satisfies(thrown -> assertThat(badInput(thrown)).hasMessage(
                    "my.yaml line 7: unknown step type 'inject-fault' in step 'second' (known types: approval, note, wait)"));
        }

        @Test
        void aValueNotAmongTheParametersChoices() {
            RunbookLoader withChoices = new RunbookLoader(BuiltInStepTypes.newRegistry().register(
                    StepType.builder("pick").description("takes one colour, or a list")
                            .param(ParamSpec.optional("colour", ParamType.TEXT, null, "a colour")
                                    .withChoices(List.of("red", "green")))
                            .param(ParamSpec.optional("colours", ParamType.TEXT_LIST, null, "colours")
                                    .withChoices(List.of("red", "green")))
                            .action(params -> context -> StepResult.ran("picked")).build()));

            assertThat(withChoices.load(new StringReader("""
                    name: x
                    steps:
                      - id: ok
                        type: pick
                        params: {colour: red, colours: [green, red]}
                    """), "my.yaml").step("ok").params().text("colour")).isEqualTo("red");
            assertThatThrownBy(() -> withChoices.load(new StringReader("""
                    name: x
                    steps:
                      - id: one
                        type: pick
                        params:
                          colour: blue
                    """), "my.yaml")).satisfies(thrown -> assertThat(badInput(thrown)).hasMessage(
                    "my.yaml line 6: parameter 'colour' cannot be 'blue'; one of: red, green"));
            assertThatThrownBy(() -> withChoices.load(new StringReader("""
                    name: x
                    steps:
                      - id: many
                        type: pick
                        params:
                          colours:
                            - red
                            - blue
                    """), "my.yaml")).satisfies(thrown -> assertThat(badInput(thrown)).hasMessage(
                    "my.yaml line 8: parameter 'colours' cannot be 'blue'; one of: red, green"));
        }

        @Test
        void unknownParameter() {
            assertThatThrownBy(() -> load("""
                    name: x
                    steps:
                      - id: settle
                        type: wait
                        params:
                          duration: 5m
                          durashun: 6m
                    """)).satisfies(thrown -> assertThat(badInput(thrown)).hasMessage(
                    "my.yaml line 7: unknown parameter 'durashun' for step type 'wait' in step 'settle' "
                            + "(parameters: duration, reason)"));
        }

        @Test
        void malformedYaml() {
            assertThatThrownBy(() -> load("""
                    name: x
                    steps:
                      - id: a
                        type: [note
                    """)).satisfies(thrown -> assertThat(badInput(thrown))
                    .hasMessageMatching("my\\.yaml line [45]: malformed YAML: .*"));
        }

        @Test
        void missingRequiredParameter() {
            assertThatThrownBy(() -> load("""
                    name: x
                    steps:
                      - id: settle
                        type: wait
                    """)).satisfies(thrown -> assertThat(badInput(thrown)).hasMessageStartingWith(
                    "my.yaml line 3: step 'settle' (wait) needs parameter 'duration'"));
        }

        @Test
        void wrongValueTypes() {
            assertThatThrownBy(() -> load("""
                    name: x
                    steps:
                      - id: settle
                        type: wait
                        params:
                          duration: soon
                    """)).satisfies(thrown -> assertThat(badInput(thrown)).hasMessage(
                    "my.yaml line 6: parameter 'duration' must be a duration (e.g. 90s, 10m, 1h30m), not 'soon'"));
            assertThatThrownBy(() -> load("""
                    name: x
                    steps:
                      - id: tell
                        type: note
                        always: maybe
                        params: {message: hi}
                    """)).satisfies(thrown -> assertThat(badInput(thrown)).hasMessage(
                    "my.yaml line 5: 'always' must be true or false, not 'maybe'"));
            assertThatThrownBy(() -> load("""
                    name: x
                    steps:
                      - id: tell
                        type: note
                        params:
                          message: [a, b]
                    """)).satisfies(thrown -> assertThat(badInput(thrown)).hasMessage(
                    "my.yaml line 6: parameter 'message' must be a text, not a list"));
            assertThatThrownBy(() -> load("""
                    name: x
                    steps:
                      - id: tell
                        type: note
                        timeout: 600
                        params: {message: hi}
                    """)).satisfies(thrown -> assertThat(badInput(thrown)).hasMessageStartingWith(
                    "my.yaml line 5: 'timeout' of step 'tell' must be a duration"));
        }

        @Test
        void duplicateStepId() {
            assertThatThrownBy(() -> load("""
                    name: x
                    steps:
                      - id: tell
                        type: note
                        params: {message: a}
                      - id: tell
                        type: note
                        params: {message: b}
                    """)).satisfies(thrown -> assertThat(badInput(thrown)).hasMessage(
                    "my.yaml line 6: step id 'tell' is used twice (first on line 3)"));
        }

        @Test
        void unknownTopLevelKey() {
            assertThatThrownBy(() -> load("""
                    name: x
                    descripton: typo
                    steps:
                      - id: tell
                        type: note
                        params: {message: a}
                    """)).satisfies(thrown -> assertThat(badInput(thrown)).hasMessage(
                    "my.yaml line 2: unknown runbook key 'descripton' (known keys: name, description, steps)"));
        }

        @Test
        void unknownStepKeyAndRepeatedKey() {
            assertThatThrownBy(() -> load("""
                    name: x
                    steps:
                      - id: tell
                        type: note
                        finally: true
                    """)).satisfies(thrown -> assertThat(badInput(thrown)).hasMessageStartingWith(
                    "my.yaml line 5: unknown step key 'finally'"));
            assertThatThrownBy(() -> load("""
                    name: x
                    name: y
                    steps: []
                    """)).satisfies(thrown -> assertThat(badInput(thrown)).hasMessage(
                    "my.yaml line 2: key 'name' is given twice (first on line 1)"));
        }

        @Test
        void noStepsOrNotAMapping() {
            assertThatThrownBy(() -> load("name: x\nsteps: []\n")).satisfies(thrown -> assertThat(badInput(thrown))
                    .hasMessage("my.yaml line 2: 'steps' must be a list with at least one step"));
            assertThatThrownBy(() -> load("- just\n- a list\n")).satisfies(thrown -> assertThat(badInput(thrown))
                    .hasMessageStartingWith("my.yaml line 1: expected a runbook"));
            assertThatThrownBy(() -> load("")).satisfies(thrown -> assertThat(badInput(thrown))
                    .hasMessage("my.yaml is empty"));
        }
    }

    @Nested
    class DescribeOnly {
        private static final String FUTURE = """
                name: future
                steps:
                  - id: break-it
                    type: inject-fault
                    params:
                      fault: ingress
                      ports: [80, 443]
                  - id: ask
                    type: approval
                """;

        @Test
        void keepsUnknownStepTypesWithTheirParamsAsWritten() {
            Runbook runbook = loader.describe(new StringReader(FUTURE), "future.yaml");

            RunbookStep breakIt = runbook.step("break-it");
            assertThat(breakIt.available()).isFalse();
            assertThat(breakIt.params().asMap()).containsEntry("fault", "ingress")
                    .containsEntry("ports", List.of("80", "443"));
            assertThat(runbook.step("ask").available()).isTrue();
            assertThat(runbook.runnable()).isFalse();
        }

        @Test
        void stillChecksKnownTypesStrictly() {
            assertThatThrownBy(() -> loader.describe(new StringReader("""
                    name: x
                    steps:
                      - id: ask
                        type: approval
                        params: {mesage: hi}
                    """), "x.yaml")).satisfies(thrown -> assertThat(badInput(thrown))
                    .hasMessageStartingWith("x.yaml line 5: unknown parameter 'mesage' for step type 'approval'"));
        }

        @Test
        void aDescribedRunbookCannotBeRun(@TempDir Path dir) {
            Runbook runbook = loader.describe(new StringReader(FUTURE), "future.yaml");
            RunbookContext context = RunbookContext.builder().clock(new VirtualClock())
                    .journal(new Journal(dir.resolve("j.jsonl"), new VirtualClock())).build();

            assertThatThrownBy(() -> new RunbookRunner(runbook, context)).satisfies(thrown -> assertThat(badInput(thrown))
                    .hasMessageContaining("'inject-fault' (line 3) are not available yet"));
        }
    }
}
