package dr.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dr.core.engine.FakeStep.step;
import static org.assertj.core.api.Assertions.assertThat;

class PlanRendererTest {

    @Nested
    class Text {
        @Test
        void showsATreePerRegionGlobalLastThenCountsAndTheEstimate() {
            FakeStep dns = step(StepKey.GLOBAL, "api-failover").after(StepKey.of("us-east-1", "alb"))
                    .takes(Duration.ofSeconds(60));
            FakeStep vpc = step("us-east-1", "vpc");
            FakeStep alb = step("us-east-1", "alb").after(vpc).takes(Duration.ofMinutes(3));
            FakeStep db = step("us-east-1", "db-primary").after(vpc).takes(Duration.ofMinutes(15));
            FakeStep replica = step("us-west-2", "db-replica").after(db).takes(Duration.ofMinutes(20));
            FakeStep old = step("us-west-2", "old-sg").plannedAction(Action.DELETE);

            String text = PlanRenderer.text(Plan.of(dns, vpc, alb, db, replica, old));

            assertThat(text).isEqualTo("""
                    us-east-1 (3 steps)
                      ├─ vpc           ensure     Test::vpc
                      ├─ alb           ensure     Test::alb           3m00s   after vpc
                      └─ db-primary    ensure     Test::db-primary    15m00s  after vpc

                    us-west-2 (2 steps)
                      ├─ db-replica    ensure     Test::db-replica    20m00s  after us-east-1/db-primary
                      └─ old-sg        delete     Test::old-sg
                    
                    global (1 step)
                      └─ api-failover  ensure     Test::api-failover  1m00s   after us-east-1/alb

                    Actions: ensure 5, delete 1
                    Estimate: 35m00s modeled, independent steps in parallel
                    Critical path: us-east-1/vpc → us-east-1/db-primary → us-west-2/db-replica
                    """);
        }

        @Test
        void anEmptyPlanSaysSo() {
            assertThat(PlanRenderer.text(Plan.of())).contains("Actions: none", "Estimate: 0s", "Critical path: (none)");
        }
    }

    @Nested
    class Json {
        private final ObjectNode json = PlanRenderer.json(SampleTopology.plan());

        @Test
        void listsEveryStepWithRegionRoleTypeActionDependenciesAndEstimate() {
            assertThat(json.get("steps")).hasSize(13);
            JsonNode replica = find("us-west-2", "db-replica");
            assertThat(replica.get("type").asText()).isEqualTo("Test::db-replica");
            assertThat(replica.get("action").asText()).isEqualTo("ensure");
            assertThat(replica.get("dependsOn")).extracting(JsonNode::asText)
                    .containsExactly("us-east-1/db-primary", "us-west-2/db-subnet-group");
            assertThat(replica.get("estimateSeconds").asLong()).isEqualTo(1200);
            assertThat(json.get("steps").get(12).get("region").asText()).as("global last").isEqualTo("global");
        }

        @Test
        void carriesCountsAndTheCriticalPath() {
            assertThat(json.get("counts").get("ensure").asInt()).isEqualTo(13);
            assertThat(json.get("criticalPathSeconds").asLong()).isEqualTo(2100);
            assertThat(json.get("criticalPath")).extracting(JsonNode::asText).containsExactly(
                    "us-east-1/vpc", "us-east-1/db-subnet-group", "us-east-1/db-primary", "us-west-2/db-replica");
        }

        private JsonNode find(String region, String role) {
            for (JsonNode step : json.get("steps")) {
                if (step.get("region").asText().equals(region) && step.get("role").asText().equals(role)) {
                    return step;
                }
            }
            throw new AssertionError("no step " + region + "/" + role);
        }
    }

    @Test
    void mermaidHasASubgraphPerRegionAndAnEdgePerDependency() {
        String mermaid = PlanRenderer.mermaid(SampleTopology.plan());

        assertThat(mermaid).startsWith("flowchart LR\n")
                .contains("  subgraph n_region_us_west_2[\"us-west-2\"]\n")
                .contains("    n_us_west_2_db_replica[\"db-replica\"]\n")
                .contains("  n_us_east_1_db_primary --> n_us_west_2_db_replica\n");
        assertThat(mermaid.lines().filter(line -> line.contains(" --> "))).hasSize(13);
    }
}
