package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.regions.discovery.StackInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole life of a stack, from the command line against one sandbox: provision, status, drill, promote with
 * the primary region dark, status, cleanup — and everything that is not the stack's survives.
 */
class LifecycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRIMARY = "us-east-1";
    private static final String DR = "us-west-2";

    @TempDir
    Path temp;

    @Test
    void provisionStatusDrillPromoteStatusCleanupLeavesNothingOfTheStackAndEverythingElse() throws Exception {
        DrRunner dr = new DrRunner(temp);
        String untaggedVpc = dr.cloud.ec2(PRIMARY).createVpc(r -> r.cidrBlock("192.168.0.0/16")).vpc().vpcId();
        dr.assertSucceeded(dr.run("provision", "--stack", "other", "--primary", PRIMARY, "--dr", DR,
                "--primary-cidr", "10.30.0.0/16", "--dr-cidr", "10.40.0.0/16", "--sandbox", "-q"));
        int otherStack = inventorySize(dr, "other");

        dr.assertSucceeded(dr.run("provision", "--primary", PRIMARY, "--dr", DR, "--domain", "example.com",
                "--sandbox", "-q"));

        DrRunner.Result ready = dr.run("status", "--primary", PRIMARY, "--dr", DR, "--sandbox", "--output", "json");
        assertThat(ready.exitCode()).as("status before the drill; stderr: %s", ready.err()).isZero();
        JSON.readTree(ready.out());

        DrRunner.Result drill = dr.run("failover", "drill", "--primary", PRIMARY, "--dr", DR, "--sandbox", "--yes",
                "--report", temp.resolve("reports").toString(), "--output", "json");
        assertThat(drill.exitCode()).as("drill; stderr: %s", drill.err()).isZero();
        assertThat(drill.out()).contains("rto").doesNotContain("\"error\"");
        JSON.readTree(drill.out());

        dr.cloud.world().faults().regionUnreachable(PRIMARY);
        long primaryCallsBefore = dr.cloud.world().calls().inRegion(PRIMARY);
        DrRunner.Result promote = dr.run("promote-replica", "--primary", PRIMARY, "--dr", DR, "--sandbox", "--yes",
                "--report", temp.resolve("reports").toString(), "--output", "json");
        assertThat(promote.exitCode()).as("promote; stderr: %s", promote.err()).isZero();
        JSON.readTree(promote.out());
        assertThat(dr.cloud.world().calls().inRegion(PRIMARY)).as("calls to the dark primary region")
                .isEqualTo(primaryCallsBefore);

        DrRunner.Result after = dr.run("status", "--primary", PRIMARY, "--dr", DR, "--sandbox", "--output", "json");
        JsonNode afterReport = JSON.readTree(after.out());
        assertThat(afterReport).isNotNull();

        dr.cloud.world().faults().regionReachable(PRIMARY);
        DrRunner.Result cleanup = dr.run("cleanup", "--sandbox", "--yes", "--output", "json");
        assertThat(cleanup.exitCode()).as("cleanup; stderr: %s", cleanup.err()).isZero();

        assertThat(inventorySize(dr, "dr")).as("resources of stack dr left anywhere").isZero();
        assertThat(inventorySize(dr, "other")).as("the other stack is untouched").isEqualTo(otherStack);
        assertThat(dr.cloud.ec2(PRIMARY).describeVpcs().vpcs()).extracting(Vpc::vpcId).contains(untaggedVpc);
        assertThat(dr.cloud.route53().listHostedZonesByName(r -> r.dnsName("example.com")).hostedZones())
                .as("the operator's public zone stays").anyMatch(z -> z.name().equals("example.com."));
    }

    private static int inventorySize(DrRunner dr, String stack) {
        return new StackInventory(dr.cloud, stack).scan(List.of(PRIMARY, DR)).size();
    }
}
