package dr.runbooks.actions.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.core.ExitCode;
import dr.regions.drill.DrillStacks;
import dr.regions.inmemory.world.Faults.CrashPoint;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.runbooks.RunbookResult;
import dr.runbooks.StepReport.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --fault network}: the primary load balancers' subnets move to a deny-all network ACL (stateless, so it cuts
 * what revoking security group ingress leaves open), both tiers fail over, and the restore puts every subnet back on
 * exactly its own ACL and deletes the drill's ACL, also after a crash at any of its changes.
 */
class NetworkFaultDrillTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private DrillHarness harness() {
        return new DrillHarness(DrillStacks.withDomain(), temp);
    }

    private static DrillOptions network() {
        return new DrillOptions("network", null, null, null);
    }

    /** subnet id → network ACL id, for every subnet of the primary region; and the ACL count. */
    private static Map<String, String> associations(DrillHarness harness) {
        Map<String, String> bySubnet = new TreeMap<>();
        for (NetworkAcl acl : harness.cloud.ec2(DrillStacks.PRIMARY).describeNetworkAcls(r -> { }).networkAcls()) {
            acl.associations().forEach(a -> bySubnet.put(a.subnetId(), acl.networkAclId()));
        }
        bySubnet.put("#acls", String.valueOf(harness.cloud.ec2(DrillStacks.PRIMARY).describeNetworkAcls(r -> { })
                .networkAcls().size()));
        return bySubnet;
    }

    @Test
    void bothTiersFailOverAndEverySubnetIsBackOnItsOwnAcl() throws Exception {
        DrillHarness harness = harness();
        Map<String, String> before = associations(harness);

        RunbookResult result = harness.runner(harness.drill(network())).run();

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
        assertThat(result.step("inject-fault").summary()).contains("deny-all network ACL");
        assertThat(result.step("observe").summary()).startsWith("failed over after").contains("CloudFront → "
                + DrillStacks.DR);
        assertThat(associations(harness)).as("same ACL for every subnet, the drill's ACL deleted").isEqualTo(before);
        assertThat(harness.ingressOfEveryGroup()).isEqualTo(harness.originalIngress);
        JsonNode report = JSON.readTree(Files.readString(new DrillJournal(harness.journal()).lastReport()
                .orElseThrow().json()));
        assertThat(report.get("fault").get("kind").asText()).isEqualTo("network");
        assertThat(report.get("tiers").get(1).get("expected").asBoolean()).isTrue();
        assertThat(report.get("tiers").get(1).get("rtoSeconds").isNumber()).isTrue();
        assertThat(report.get("fault").get("doesNotCover").toString()).contains("instances and database");
        assertThat(report.get("verdict").asText()).isEqualTo("PASSED");
    }

    @ParameterizedTest(name = "crash {1} mutating call {0}")
    @CsvSource({"1, BEFORE_CALL", "1, AFTER_CALL", "2, AFTER_CALL", "3, AFTER_CALL", "4, BEFORE_CALL",
            "5, AFTER_CALL", "6, AFTER_CALL"})
    void aCrashAtAnyChangeOfTheInjectionOrTheRestoreIsUndoneByTheRecovery(long call, CrashPoint point) {
        DrillHarness harness = harness();
        Map<String, String> before = associations(harness);
        harness.cloud.world().faults().crashAtMutatingCall(call, point);

        assertThatThrownBy(() -> harness.runner(harness.drill(network())).run()).isInstanceOf(SimulatedCrash.class);
        harness.cloud.world().faults().noCrash();
        RunbookResult recovered = harness.runner(harness.drill(network())).recover();

        assertThat(recovered.step("restore").status()).as(recovered.message()).isEqualTo(Status.DONE);
        assertThat(associations(harness)).isEqualTo(before);
    }
}
