package dr.core.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dr.core.engine.FakeStep.step;
import static org.assertj.core.api.Assertions.assertThat;

class CriticalPathTest {

    @Test
    void theDatabaseChainBoundsTheSampleProvision() {
        CriticalPath path = CriticalPath.of(SampleTopology.plan());

        assertThat(path.total()).isEqualTo(Duration.ofMinutes(35));
        assertThat(path.chain()).containsExactly(
                StepKey.of("us-east-1", "vpc"), StepKey.of("us-east-1", "db-subnet-group"),
                StepKey.of("us-east-1", "db-primary"), StepKey.of("us-west-2", "db-replica"));
        assertThat(path.describe())
                .isEqualTo("us-east-1/vpc → us-east-1/db-subnet-group → us-east-1/db-primary → us-west-2/db-replica");
    }

    @Test
    void aLongerSideBranchTakesOverTheChain() {
        FakeStep root = step("r", "root").takes(Duration.ofMinutes(1));
        FakeStep shortLeg = step("r", "short").after(root).takes(Duration.ofMinutes(5));
        FakeStep longLeg1 = step("r", "long-1").after(root).takes(Duration.ofMinutes(3));
        FakeStep longLeg2 = step("r", "long-2").after(longLeg1).takes(Duration.ofMinutes(3));
        FakeStep join = step("r", "join").after(shortLeg, longLeg2).takes(Duration.ofSeconds(30));

        CriticalPath path = CriticalPath.of(Plan.of(root, shortLeg, longLeg1, longLeg2, join));

        assertThat(path.total()).isEqualTo(Duration.ofMinutes(7).plusSeconds(30));
        assertThat(path.describe()).isEqualTo("r/root → r/long-1 → r/long-2 → r/join");
    }

    @Test
    void anEmptyPlanTakesNoTime() {
        CriticalPath path = CriticalPath.of(Plan.of());

        assertThat(path.total()).isZero();
        assertThat(path.chain()).isEmpty();
    }
}
