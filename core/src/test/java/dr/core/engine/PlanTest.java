package dr.core.engine;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dr.core.engine.FakeStep.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanTest {

    private static List<String> keys(List<Step> steps) {
        return steps.stream().map(step -> step.key().toString()).toList();
    }

    @Nested
    class Validation {
        @Test
        void aCycleIsRejectedNamingEveryStepOnIt() {
            FakeStep a = step("r", "a").after(StepKey.of("r", "c"));
            FakeStep b = step("r", "b").after(a);
            FakeStep c = step("r", "c").after(b);
            FakeStep outside = step("r", "outside");

            assertThatThrownBy(() -> Plan.of(outside, a, b, c))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("dependency cycle: r/a → r/b → r/c → r/a");
        }

        @Test
        void aStepDependingOnItselfIsACycle() {
            FakeStep self = step("r", "self").after(StepKey.of("r", "self"));

            assertThatThrownBy(() -> Plan.of(self)).hasMessage("dependency cycle: r/self → r/self");
        }

        @Test
        void aDependencyOutsideThePlanIsRejectedNamingBothSteps() {
            FakeStep subnet = step("us-east-1", "subnet").after(StepKey.of("us-east-1", "vpc"));

            assertThatThrownBy(() -> Plan.of(subnet))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("step us-east-1/subnet depends on unknown step us-east-1/vpc");
        }

        @Test
        void twoStepsWithTheSameKeyAreRejected() {
            assertThatThrownBy(() -> Plan.of(step("us-east-1", "vpc"), step("us-east-1", "vpc")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("duplicate step us-east-1/vpc");
        }

        @Test
        void aDependencyNamedTwiceCountsOnce() {
            FakeStep vpc = step("r", "vpc");
            FakeStep subnet = step("r", "subnet").after(vpc, vpc);

            assertThat(Plan.of(vpc, subnet).dependencies(subnet.key())).containsExactly(vpc.key());
        }
    }

    @Nested
    class Queries {
        private final Plan plan = SampleTopology.plan();

        @Test
        void regionsComeInTheOrderTheirFirstStepWasAddedWithGlobalLast() {
            assertThat(plan.regions()).containsExactly("us-east-1", "us-west-2", StepKey.GLOBAL);
        }

        @Test
        void stepsOfARegionAreInTopologicalOrder() {
            assertThat(keys(plan.stepsIn("us-west-2"))).containsExactly(
                    "us-west-2/vpc", "us-west-2/db-subnet-group", "us-west-2/db-replica", "us-west-2/db-dns",
                    "us-west-2/backup-copy");
        }

        @Test
        void rootsAreTheStepsWithoutDependencies() {
            assertThat(keys(plan.roots())).containsExactly("us-east-1/vpc", "us-west-2/vpc");
        }

        @Test
        void dependentsAreDirectAndTransitiveDependentsReachTheEnd() {
            StepKey primaryDb = StepKey.of("us-east-1", "db-primary");

            assertThat(plan.dependents(primaryDb)).containsExactly(StepKey.of("us-west-2", "db-replica"));
            assertThat(plan.transitiveDependents(primaryDb))
                    .containsExactly(StepKey.of("us-west-2", "db-replica"), StepKey.of("us-west-2", "db-dns"));
        }

        @Test
        void transitiveDependenciesReachTheRoots() {
            assertThat(plan.transitiveDependencies(StepKey.of("us-west-2", "db-replica"))).containsExactlyInAnyOrder(
                    StepKey.of("us-east-1", "vpc"), StepKey.of("us-east-1", "db-subnets"),
                    StepKey.of("us-east-1", "db-subnet-group"), StepKey.of("us-east-1", "db-primary"),
                    StepKey.of("us-west-2", "vpc"), StepKey.of("us-west-2", "db-subnet-group"));
        }

        @Test
        void topologicalOrderPutsEveryDependencyFirstAndOtherwiseKeepsTheOrderStepsWereAdded() {
            List<String> order = keys(plan.topologicalOrder());

            for (Step step : plan.steps()) {
                for (StepKey dependency : step.dependsOn()) {
                    assertThat(order.indexOf(dependency.toString()))
                            .as("%s before %s", dependency, step.key())
                            .isLessThan(order.indexOf(step.key().toString()));
                }
            }
            assertThat(order).startsWith("us-east-1/vpc", "us-east-1/db-subnets", "us-east-1/db-subnet-group");
        }

        @Test
        void anUnknownKeyIsReportedAsSuch() {
            assertThatThrownBy(() -> plan.dependents(StepKey.of("eu-west-1", "vpc")))
                    .hasMessage("no step eu-west-1/vpc in the plan");
            assertThat(plan.find(StepKey.of("eu-west-1", "vpc"))).isEmpty();
        }
    }
}
