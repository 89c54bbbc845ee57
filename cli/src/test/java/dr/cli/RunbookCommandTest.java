package dr.cli;

import dr.runbooks.builtin.Runbooks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunbookCommandTest extends DrCommandTest {
    @Test
    void aRunbookNameIsNotTakenForTheSandboxFile() {
        DrRunner.Result result = dr.run("runbook", "show", "--sandbox", "failover-drill");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("inject-fault");
    }

    @Test
    void theBuiltInStatusRunbookRunsAgainstAProvisionedSandbox() {
        dr.assertSucceeded(dr.run("provision", "--primary", "us-east-1", "--dr", "us-west-2", "--sandbox", "-q"));

        DrRunner.Result result = dr.run("runbook", "run", "status", "--primary", "us-east-1", "--dr", "us-west-2",
                "--sandbox");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.out()).contains("Runbook status finished.");
    }

    @Test
    void aUsersRunbookWithAnUnknownStepTypeIsBadInputNamingTheFileAndLine() {
        Path file = dr.file("mine.yaml", "name: mine\ndescription: test\nsteps:\n  - id: one\n    type: no-such-step\n");

        DrRunner.Result result = dr.run("runbook", "run", file.toString(), "--sandbox", "--primary", "us-east-1",
                "--dr", "us-west-2");

        dr.assertRejected(result, "mine.yaml");
        assertThat(result.err()).contains("line 5", "no-such-step");
    }

    @Test
    void dryRunShowsTheStepsAndRunsNothing() {
        DrRunner.Result result = dr.run("runbook", "run", "cleanup", "--dry-run", "--sandbox");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Dry run: nothing was run.");
        assertThat(dr.cloud.world().calls().total()).isZero();
    }

    @Test
    void typesListsEveryStepTypeWithItsParametersAndAllowedValues() throws Exception {
        DrRunner.Result text = dr.run("runbook", "types");
        DrRunner.Result json = dr.run("runbook", "types", "--output", "json");

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("approval", "inject-fault", "delete-resources", "kinds: list of text",
                "one of: vpc, subnet", "region-role: text, required");
        var types = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("stepTypes");
        assertThat(types).hasSize(Runbooks.registry().types().size());
        assertThat(types.findValuesAsText("name")).contains("discover-stack", "verify-clean", "cleanup-report");
        assertThat(dr.cloud.world().calls().total()).isZero();
    }

    @Test
    void aValueOutsideAParametersChoicesIsBadInputBeforeAnyCall() {
        Path file = dr.file("mine.yaml", "name: mine\nsteps:\n  - id: one\n    type: delete-resources\n"
                + "    params:\n      kinds: [load-balancers]\n");

        DrRunner.Result result = dr.run("runbook", "run", file.toString(), "--sandbox", "--yes");

        dr.assertRejected(result, "mine.yaml");
        assertThat(result.err()).contains("line 6", "'load-balancers'", "load-balancer");
        assertThat(dr.cloud.world().calls().total()).isZero();
    }
}
