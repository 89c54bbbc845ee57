package dr.runbooks;

import dr.runbooks.builtin.Runbooks;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.engine.StepResult;
import dr.runbooks.builtin.BuiltInStepTypes;
import dr.runbooks.step.ParamSpec;
import dr.runbooks.step.ParamType;
import dr.runbooks.step.StepType;
import dr.runbooks.step.StepTypeRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunbookCatalogTest {
    private final RunbookCatalog catalog = new RunbookCatalog(BuiltInStepTypes.newRegistry());

    @Test
    void listsTheBuiltInsWithTheirDescriptions() {
        assertThat(catalog.list()).extracting(RunbookCatalog.Entry::name)
                .containsExactly("status", "failover-drill", "promote-replica", "reprotect", "failback",
                        "cleanup");
        assertThat(catalog.list()).allSatisfy(entry -> {
            assertThat(entry.description()).isNotBlank();
            assertThat(entry.runnable()).as("no AWS step type is registered yet").isFalse();
        });
        assertThat(catalog.list().get(1).unavailableTypes()).contains("inject-fault", "restore-fault")
                .doesNotHaveDuplicates();
    }

    @Test
    void theFailoverDrillRestoresAndReportsAlways() {
        Runbook drill = catalog.describe("failover-drill");

        assertThat(drill.steps()).extracting(RunbookStep::id)
                .containsExactly("preflight", "inject-fault", "observe", "restore", "observe-failback", "report");
        assertThat(drill.alwaysSteps()).extracting(RunbookStep::id).containsExactly("restore", "report");
    }

    @Test
    void promotionAsksBeforeItPromotesAndCleanupBeforeItDeletes() {
        Runbook promote = catalog.describe("promote-replica");
        Runbook cleanup = catalog.describe("cleanup");

        assertThat(promote.steps()).extracting(RunbookStep::id).containsExactly("preflight-dr", "approval", "promote",
                "wait-writable", "users-on-dr", "secure-database", "scale-dr", "point-dns", "fence-api", "fence-web",
                "confirm-users-on-dr", "report");
        assertThat(promote.step("approval").available()).as("approval is built in").isTrue();
        assertThat(cleanup.steps()).extracting(RunbookStep::id)
                .containsExactly("discover", "approval", "delete", "verify", "report");
        assertThat(Runbooks.catalog().load("cleanup").runnable()).as("every step type of cleanup is registered")
                .isTrue();
        assertThat(cleanup.step("report").always()).isTrue();
    }

    @Test
    void showPrintsStepsParamsTimeoutsAndWhichAlwaysRun() {
        String text = catalog.show("failover-drill");

        assertThat(text).startsWith("failover-drill: Game day")
                .contains("source: built-in runbooks/failover-drill.yaml")
                .containsPattern("4  restore +restore-fault +timeout 10m +always +not available yet")
                .contains("fault: ingress")
                .contains("always run, also after a failure or an interruption: restore, report")
                .contains("not available yet: step types drill-preflight, inject-fault, observe, restore-fault, drill-report");
        assertThat(catalog.show("promote-replica")).containsPattern("2  approval +approval +timeout 24h \\(default\\)\\n")
                .contains("message: The DR read replica will be promoted");
    }

    @Test
    void runningABuiltInWhoseTypesAreMissingIsBadInputNamingTheLine() {
        assertThatThrownBy(() -> catalog.load("failover-drill")).isInstanceOfSatisfying(DrException.class, error -> {
            assertThat(error.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(error.getMessage()).startsWith("built-in runbooks/failover-drill.yaml line 7: unknown step type "
                    + "'drill-preflight'");
        });
    }

    @Test
    void anUnknownNameIsBadInput() {
        assertThatThrownBy(() -> catalog.show("failover")).isInstanceOfSatisfying(DrException.class, error ->
                assertThat(error.getMessage()).isEqualTo("no built-in runbook 'failover' (built-in: status, "
                        + "failover-drill, promote-replica, reprotect, failback, cleanup); to run your own, pass its file"));
    }

    @Test
    void theDrillLoadsStrictlyOnceItsTypesAreRegisteredWithTheParametersItUses() {
        StepTypeRegistry registry = BuiltInStepTypes.newRegistry()
                .register(stub("drill-preflight", ParamSpec.optional("force", ParamType.FLAG, false, "skip checks")))
                .register(stub("inject-fault", ParamSpec.optional("fault", ParamType.TEXT, "ingress", "which fault")))
                .register(stub("observe", ParamSpec.required("expect", ParamType.TEXT, "failover or failback"),
                        ParamSpec.optional("interval", ParamType.DURATION, Duration.ofSeconds(10), "poll interval")))
                .register(stub("restore-fault"))
                .register(stub("drill-report", ParamSpec.optional("rto-target", ParamType.DURATION, null, "target")));

        Runbook drill = new RunbookCatalog(registry).load("failover-drill");

        assertThat(drill.runnable()).isTrue();
        assertThat(drill.step("observe").params().duration("interval")).isEqualTo(Duration.ofSeconds(10));
        assertThat(drill.step("report").params().optionalDuration("rto-target")).contains(Duration.ofMinutes(5));
        assertThat(drill.step("preflight").params().flag("force")).isFalse();
    }

    private static StepType stub(String name, ParamSpec... params) {
        StepType.Builder builder = StepType.builder(name).description("stub").action(p -> context -> StepResult.ran("ok"));
        for (ParamSpec param : params) {
            builder.param(param);
        }
        return builder.build();
    }
}
