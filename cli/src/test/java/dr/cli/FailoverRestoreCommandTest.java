package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.regions.drill.DrillStacks;
import dr.regions.drill.IngressRules;
import dr.regions.inmemory.world.Faults.CrashPoint;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.lock.LockZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailoverRestoreCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private DrRunner provisioned() {
        return new DrRunner(temp, DrillStacks.provisioned(DrillStacks.withDomain()));
    }

    private String reports() {
        return temp.resolve("reports").toString();
    }

    /**
     * {@code mutatingCall} counts the drill's own changes: the run's first mutating call takes the stack lock (in the
     * account's lock zone, made here first if the stack was built without the CLI).
     */
    private void crashDrillAt(DrRunner dr, long mutatingCall, CrashPoint point) {
        LockZone.ensure(dr.cloud.route53());
        dr.cloud.world().faults().crashAtMutatingCall(mutatingCall + 1, point);
        assertThatThrownBy(() -> dr.run("failover", "drill", "--sandbox", "--yes", "--report", reports()))
                .isInstanceOf(SimulatedCrash.class);
        dr.cloud.world().faults().noCrash();
    }

    @Test
    void withoutADrillThereIsNothingToRestore() {
        DrRunner dr = provisioned();

        DrRunner.Result result = dr.run("failover", "restore", "--sandbox");

        dr.assertSucceeded(result);
        assertThat(result.out()).startsWith("Nothing to restore: no drill of stack dr has run here");
    }

    /** Calls 1 and 2 revoke the web and app groups' rules; 3 and 4 are the restore's authorizations. */
    @ParameterizedTest(name = "killed {1} mutating call {0}")
    @CsvSource({"1, BEFORE_CALL", "1, AFTER_CALL", "2, BEFORE_CALL", "2, AFTER_CALL", "3, BEFORE_CALL",
            "3, AFTER_CALL", "4, AFTER_CALL"})
    void aDrillKilledWhileInjectingOrRestoringIsRestoredExactlyAndASecondRestoreIsHarmless(long call,
                                                                                        CrashPoint point) {
        DrRunner dr = provisioned();
        Map<String, Set<IngressRules.Rule>> before = FailoverDrillCommandTest.ingress(dr.cloud);
        crashDrillAt(dr, call, point);

        DrRunner.Result restored = dr.run("failover", "restore", "--sandbox", "--report", reports());

        dr.assertSucceeded(restored);
        assertThat(restored.out()).contains("Restore: ", "Report: ");
        assertThat(FailoverDrillCommandTest.ingress(dr.cloud)).as("exactly the original rules").isEqualTo(before);
        DrRunner.Result again = dr.run("failover", "restore", "--sandbox");
        dr.assertSucceeded(again);
        assertThat(again.out()).startsWith("Nothing to restore: the drill started");
        assertThat(FailoverDrillCommandTest.ingress(dr.cloud)).isEqualTo(before);
    }

    @Test
    void aDryRunListsWhatWouldBePutBackAndChangesNothing() {
        DrRunner dr = provisioned();
        crashDrillAt(dr, 2, CrashPoint.AFTER_CALL);
        long mutating = dr.cloud.world().calls().mutating();

        DrRunner.Result result = dr.run("failover", "restore", "--sandbox", "--dry-run");

        dr.assertSucceeded(result);
        assertThat(result.out()).contains("Would restore", "ingress: re-authorize the missing ones of 4 HTTP/HTTPS rules",
                "(sg-alb-web)", "(sg-alb-app) in us-east-1", "Dry run: nothing was changed.");
        assertThat(dr.cloud.world().calls().mutating()).isEqualTo(mutating);
    }

    @Test
    void theJsonOutputSaysWhetherItRestoredAndWhereTheReportIs() throws Exception {
        DrRunner dr = provisioned();
        crashDrillAt(dr, 1, CrashPoint.AFTER_CALL);

        JsonNode restored = JSON.readTree(dr.run("failover", "restore", "--sandbox", "--output", "json", "--report",
                reports()).out());
        JsonNode nothing = JSON.readTree(dr.run("failover", "restore", "--sandbox", "--output", "json").out());

        assertThat(restored.get("restored").asBoolean()).isTrue();
        assertThat(restored.get("message").asText()).startsWith("re-authorized 2 saved rules");
        assertThat(restored.get("report").get("verdict").asText()).isEqualTo("INCOMPLETE");
        assertThat(nothing.get("restored").asBoolean()).isFalse();
        assertThat(nothing.get("message").asText()).startsWith("nothing to restore");
    }
}
