package dr.cli.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Runs {@link SandboxSaveCost} from the test build, where its classpath is at hand. */
class SandboxSaveCostTest {
    @Test
    @EnabledIfSystemProperty(named = "dr.bench.sandbox-save", matches = "\\d+", disabledReason = "a wall-time figure, "
            + "not a test: -Ddr.bench.sandbox-save=RUNS prints it (see BENCHMARKS.md)")
    void printsTheCostOfSavingTheSandboxAfterEveryCall() throws Exception {
        SandboxSaveCost.main(new String[] {System.getProperty("dr.bench.sandbox-save")});
    }
}
