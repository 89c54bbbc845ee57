package dr.runbooks;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.clock.VirtualClock;
import dr.core.engine.Journal;
import dr.runbooks.StepReport.Status;
import dr.runbooks.step.Terminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApprovalTest {
    private final VirtualClock clock = new VirtualClock();
    private final TestSteps steps = new TestSteps();
    private Journal journal;
    private final Runbook promote = steps.load("""
            name: promote
            steps:
              - id: preflight
                type: record
              - id: approval
                type: approval
                params:
                  message: The replica becomes the writer.
              - id: promote
                type: record
              - id: report
                type: record
                always: true
            """);

    @BeforeEach
    void openJournal(@TempDir Path dir) {
        journal = new Journal(dir.resolve("run.jsonl"), clock);
    }

    /** A terminal that answers with {@code answer} and remembers the prompts it was shown. */
    private static final class ScriptedTerminal implements Terminal {
        private final boolean interactive;
        private final String answer;
        final List<String> prompts = new ArrayList<>();

        ScriptedTerminal(boolean interactive, String answer) {
            this.interactive = interactive;
            this.answer = answer;
        }

        @Override
        public boolean interactive() {
            return interactive;
        }

        @Override
        public String readLine(String prompt) {
            prompts.add(prompt);
            return answer;
        }
    }

    private RunbookResult run(boolean yes, Terminal terminal) {
        RunbookContext context = RunbookContext.builder().clock(clock).journal(journal).yes(yes).terminal(terminal).build();
        return new RunbookRunner(promote, context).run();
    }

    @Test
    void aYesAtTheTerminalLetsTheRunGoOn() {
        ScriptedTerminal terminal = new ScriptedTerminal(true, " Y ");

        RunbookResult result = run(false, terminal);

        assertThat(terminal.prompts).containsExactly("The replica becomes the writer.\nContinue? [y/N] ");
        assertThat(steps.calls).containsExactly("preflight", "promote", "report");
        assertThat(result.step("approval").outputs()).containsEntry("approvedBy", "terminal");
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void anythingButYesAtTheTerminalStopsBeforeTheNextStep() {
        for (String answer : new String[] {"n", "", "sure", null}) {
            steps.calls.clear();

            RunbookResult result = run(false, new ScriptedTerminal(true, answer));

            assertThat(steps.calls).as("answer %s", answer).containsExactly("preflight", "report");
            assertThat(result.step("approval").status()).isEqualTo(Status.FAILED);
            assertThat(result.step("promote").status()).isEqualTo(Status.SKIPPED);
            assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        }
    }

    @Test
    void yesPassesWithoutAsking() {
        ScriptedTerminal terminal = new ScriptedTerminal(true, "n");

        RunbookResult result = run(true, terminal);

        assertThat(terminal.prompts).isEmpty();
        assertThat(steps.calls).containsExactly("preflight", "promote", "report");
        assertThat(result.step("approval").summary()).isEqualTo("approved by --yes");
    }

    @Test
    void withoutATerminalOrYesTheRunStopsWithBadInput() {
        ScriptedTerminal terminal = new ScriptedTerminal(false, "y");

        RunbookResult result = run(false, terminal);

        assertThat(terminal.prompts).as("nobody to ask").isEmpty();
        assertThat(steps.calls).containsExactly("preflight", "report");
        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.step("approval").summary()).isEqualTo("approval needed: run on a terminal or pass --yes");
        assertThatThrownBy(result::orThrow).isInstanceOfSatisfying(DrException.class, error -> {
            assertThat(error.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(error.getMessage()).contains("approval needed: run on a terminal or pass --yes");
        });
    }

    @Test
    void theDefaultContextHasNoTerminal() {
        RunbookContext context = RunbookContext.builder().clock(clock).journal(journal).build();

        RunbookResult result = new RunbookRunner(promote, context).run();

        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }
}
