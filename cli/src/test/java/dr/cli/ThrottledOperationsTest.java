package dr.cli;

import dr.regions.discovery.StackInventory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill, promote and cleanup from the command line while a fifth of all AWS calls are throttled (fixed seed), on a
 * stack provisioned with --domain example.com without throttling. Each prints its figure in the test output.
 */
class ThrottledOperationsTest {
    private static final String PRIMARY = "us-east-1";
    private static final String DR = "us-west-2";
    private static final long SEED = 20261122;

    @TempDir
    Path temp;
    DrRunner dr;

    @BeforeEach
    void aStackProvisionedWithADomainThenThrottling() {
        dr = provisioned("throttled");
        dr.cloud.world().faults().throttle(0.2, SEED);
    }

    private DrRunner provisioned(String directory) {
        DrRunner runner = new DrRunner(temp.resolve(directory));
        runner.assertSucceeded(runner.run("provision", "--primary", PRIMARY, "--dr", DR, "--domain", "example.com",
                "--sandbox", "-q"));
        runner.cloud.world().calls().reset();
        return runner;
    }

    /** Prints the figure, then checks the success and that throttling cost retries: more calls than a calm run. */
    private void assertSucceededAndPrint(String operation, DrRunner.Result result, String... args) {
        System.out.printf("RELIABILITY %s with 20%% of calls throttled: %s%n", operation,
                result.exitCode() == 0 ? "succeeded" : "FAILED (exit " + result.exitCode() + ")");
        dr.assertSucceeded(result);
        DrRunner calm = provisioned("calm");
        calm.assertSucceeded(calm.run(args));
        assertThat(dr.cloud.world().calls().total()).as("calls with throttling (retries included)")
                .isGreaterThan(calm.cloud.world().calls().total());
    }

    @Test
    void theDrillSucceeds() {
        String[] drill = {"failover", "drill", "--primary", PRIMARY, "--dr", DR, "--sandbox", "--yes", "--report",
                temp.resolve("reports").toString(), "-q"};

        assertSucceededAndPrint("drill", dr.run(drill), drill);
    }

    @Test
    void promotionSucceeds() {
        String[] promote = {"promote-replica", "--primary", PRIMARY, "--dr", DR, "--sandbox", "--yes", "--report",
                temp.resolve("reports").toString(), "-q"};

        assertSucceededAndPrint("promote", dr.run(promote), promote);
    }

    @Test
    void cleanupSucceedsAndLeavesNothingOfTheStack() {
        String[] cleanup = {"cleanup", "--primary", PRIMARY, "--dr", DR, "--sandbox", "--yes", "-q"};

        assertSucceededAndPrint("cleanup", dr.run(cleanup), cleanup);
        dr.cloud.world().faults().clear();
        assertThat(new StackInventory(dr.cloud, "dr").scan(List.of(PRIMARY, DR)).size())
                .as("resources of the stack left").isZero();
    }
}
