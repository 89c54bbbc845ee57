package dr.runbooks.actions.drill;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.runbooks.Runbook;
import dr.runbooks.builtin.Runbooks;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrillOptionsTest {
    private final Runbook shipped = Runbooks.catalog().load("failover-drill");

    @Test
    void theShippedDrillRunsWithTheShippedRegistryAndItsDefaults() {
        assertThat(shipped.runnable()).isTrue();
        assertThat(shipped.step("inject-fault").params().text("fault")).isEqualTo("ingress");
        assertThat(shipped.step("observe").params().duration("timeout")).isEqualTo(Duration.ofMinutes(10));
        assertThat(shipped.step("observe").effectiveTimeout()).as("the engine's timeout leaves the step its own")
                .contains(Duration.ofMinutes(12));
        assertThat(shipped.alwaysSteps()).extracting(step -> step.type())
                .containsExactly(DrillActions.RESTORE, DrillActions.REPORT);
    }

    @Test
    void theOperatorsChoicesBecomeTheStepsParameters() {
        Runbook drill = new DrillOptions("health-check", Duration.ofMinutes(30), Duration.ofSeconds(90), true)
                .applyTo(shipped);

        assertThat(drill.step("preflight").params().flag("force")).isTrue();
        assertThat(drill.step("preflight").params().text("fault")).isEqualTo("health-check");
        assertThat(drill.step("inject-fault").params().text("fault")).isEqualTo("health-check");
        assertThat(drill.step("observe").params().duration("timeout")).isEqualTo(Duration.ofMinutes(30));
        assertThat(drill.step("observe-failback").effectiveTimeout()).contains(Duration.ofMinutes(32));
        assertThat(drill.step("report").params().duration("rto-target")).isEqualTo(Duration.ofSeconds(90));
        assertThat(drill.steps()).extracting(step -> step.id()).isEqualTo(shipped.steps().stream()
                .map(step -> step.id()).toList());
    }

    @Test
    void choicesNotGivenKeepWhatTheRunbookSays() {
        Runbook drill = new DrillOptions(null, null, null, null).applyTo(shipped);

        assertThat(drill.steps()).isEqualTo(shipped.steps());
    }

    @Test
    void anUnknownFaultOrAZeroDurationIsBadInput() {
        assertThatThrownBy(() -> new DrillOptions("dns", null, null, null)).isInstanceOfSatisfying(DrException.class,
                e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
                    assertThat(e.getMessage())
                            .isEqualTo("--fault dns: unknown fault (known: ingress, health-check, network)");
                });
        assertThatThrownBy(() -> new DrillOptions(null, Duration.ZERO, null, null))
                .hasMessage("--timeout must be longer than zero");
    }
}
