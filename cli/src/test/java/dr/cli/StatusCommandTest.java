package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.core.model.ModeledDurations;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    DrRunner dr;

    @BeforeEach
    void aProvisionedStack() {
        dr = new DrRunner(temp, ReadyStack.cloud());
    }

    @Nested
    class Ready {
        @Test
        void afterAFullSandboxProvisionTheTableSaysReadyAndTheExitCodeIsZero() {
            DrRunner.Result result = dr.run("status", "--sandbox", "--primary", "us-east-1", "--dr", "us-west-2");

            dr.assertSucceeded(result);
            assertThat(result.out()).contains("REGION", "TIER", "CHECK", "us-west-2", "db-replica", "replicating",
                    "Ready for failover: yes", "replica-lag", "replica lag 1 s behind at ", "under --max-lag 1m");
        }

        @Test
        void theRegionsAreFoundFromTheStacksTagsWhenNotGiven() {
            DrRunner.Result result = dr.run("status", "--sandbox");

            dr.assertSucceeded(result);
            assertThat(result.out()).contains("Stack dr: primary us-east-1, DR us-west-2");
        }

        @Test
        void jsonIsExactlyOneParseableDocument() throws Exception {
            DrRunner.Result result = dr.run("status", "--sandbox", "--output", "json");

            dr.assertSucceeded(result);
            JsonNode document = JSON.readTree(result.out());
            assertThat(document.get("ready").asBoolean()).isTrue();
            assertThat(document.get("reasons")).isEmpty();
            assertThat(document.get("findings").size()).isGreaterThan(40);
            assertThat(document.get("rpo").get("lagSeconds").asDouble()).isEqualTo(1.0);
            assertThat(document.get("rpo").get("maxLagBoundSeconds").asDouble()).isEqualTo(60.0);
            assertThat(document.get("rpo").get("region").asText()).isEqualTo("us-west-2");
            assertThat(document.get("rpo").get("imageAgeSeconds").get("web").asLong()).isPositive();
            assertThat(document.get("rpo").get("imageAgeSeconds").get("app").asLong()).isPositive();
            assertThat(result.err()).as("nothing but the document: no progress in JSON mode").isEmpty();
        }

        @Test
        void makesNoMutatingCallAndLeavesNoJournal() {
            dr.assertSucceeded(dr.run("status", "--sandbox"));

            assertThat(dr.cloud.world().calls().total()).isPositive();
            assertThat(dr.cloud.world().calls().mutating()).isZero();
            assertThat(Files.exists(dr.workingDirectory.resolve(".dr/journal/dr/status.jsonl"))).isFalse();
        }
    }

    @Nested
    class NotReady {
        @Test
        void withoutTheReplicaTheExitCodeIsThreeAndTheReasonIsListed() {
            dr.cloud.rds("us-west-2").deleteDBInstance(r -> r.dbInstanceIdentifier("dr-db-replica")
                    .skipFinalSnapshot(true));
            dr.cloud.world().clock().advance(ModeledDurations.RDS_DELETE.plusMinutes(1));
            dr.cloud.world().calls().reset();

            DrRunner.Result result = dr.run("status", "--sandbox", "-q");

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.out()).contains("Ready for failover: NO", "Reasons:",
                    "us-west-2 database db-replica: missing: us-west-2 has no copy of the data",
                    "us-west-2 dns db-record: db.dr.internal -> dr-db-replica.");
            assertThat(result.errLines()).containsExactly("dr: not ready for failover: 2 reasons listed above");
            assertThat(dr.cloud.world().calls().mutating()).isZero();
        }

        @Test
        void aDrGroupScaledToZeroIsAReasonInTheJsonDocument() throws Exception {
            dr.cloud.autoScaling("us-west-2").updateAutoScalingGroup(r -> r.autoScalingGroupName("dr-asg-app")
                    .minSize(0).desiredCapacity(0));
            dr.cloud.world().clock().advance(Duration.ofMinutes(5));

            DrRunner.Result result = dr.run("status", "--sandbox", "--output", "json");

            assertThat(result.exitCode()).isEqualTo(3);
            JsonNode document = JSON.readTree(result.out());
            assertThat(document.get("ready").asBoolean()).isFalse();
            assertThat(document.get("reasons").toString()).contains("us-west-2 app asg-app", "scaled to 0");
        }

        /** A loaded primary: the replica falls behind; above --max-lag DR is not ready, and the reason says the lag. */
        @Test
        void aReplicaLagNotUnderMaxLagIsAReasonNamingTheLagAndTheBound() throws Exception {
            dr.cloud.world().clock().advance(Duration.ofMinutes(2));
            dr.cloud.rds("us-west-2").describeDBInstances(r -> r.dbInstanceIdentifier("dr-db-replica"));
            dr.cloud.world().faults().primaryLoaded("us-east-1");
            dr.cloud.world().clock().advance(Duration.ofMinutes(4));

            DrRunner.Result calm = dr.run("status", "--sandbox", "--max-lag", "600", "--output", "json");
            DrRunner.Result text = dr.run("status", "--sandbox", "--max-lag", "30");
            DrRunner.Result json = dr.run("status", "--sandbox", "--max-lag", "30", "--output", "json");

            dr.assertSucceeded(calm);
            assertThat(text.exitCode()).isEqualTo(3);
            assertThat(text.out()).containsPattern("us-west-2 database replica-lag: replica lag \\d+ s is not under "
                    + "--max-lag 30s");
            JsonNode document = JSON.readTree(json.out());
            double lag = document.get("rpo").get("lagSeconds").asDouble();
            assertThat(lag).isGreaterThanOrEqualTo(30);
            assertThat(document.get("rpo").get("maxLagLastHourSeconds").asDouble()).isEqualTo(lag);
            assertThat(document.get("reasons").toString()).contains("replica lag", "--max-lag 30s");
            System.out.printf("[figures] status with a loaded primary for 4 min: replica lag %.0f s, ready with "
                    + "--max-lag 600 (exit %d), not with --max-lag 30 (exit %d)%n", lag, calm.exitCode(),
                    text.exitCode());
        }

        /** No refresh of the DR images for longer than the daily plan plus its margin: the reason names the image. */
        @Test
        void aDrImageOlderThanThePlanPeriodPlusAMarginIsAReason() {
            dr.cloud.world().clock().advance(Duration.ofHours(31));

            DrRunner.Result result = dr.run("status", "--sandbox", "--max-lag", "100000");

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.out()).containsPattern("us-west-2 backup image-age-web: newest web image ami-\\w+ is "
                    + "\\S+ old \\(limit \\S+: backup plan period plus a margin\\)");
        }

        @Test
        void maxLagIsAlsoAConfigKeyAndZeroIsBadInput() throws Exception {
            Files.writeString(dr.workingDirectory.resolve("dr.yaml"), "max-lag: 1\n");
            dr.cloud.world().clock().advance(Duration.ofMinutes(2));

            DrRunner.Result configured = dr.run("status", "--sandbox");
            DrRunner.Result zero = dr.run("status", "--sandbox", "--max-lag", "0");

            assertThat(configured.exitCode()).isEqualTo(3);
            assertThat(configured.out()).contains("replica lag 1 s is not under --max-lag 1s");
            assertThat(zero.exitCode()).isEqualTo(2);
            assertThat(zero.err()).contains("--max-lag", "at least 1");
        }
    }
}
