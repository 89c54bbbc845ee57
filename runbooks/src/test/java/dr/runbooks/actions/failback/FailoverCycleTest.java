package dr.runbooks.actions.failback;

import dr.core.ExitCode;
import dr.regions.database.DatabaseLayout;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.provision.Failover;
import dr.regions.readiness.ReadinessReport;
import dr.regions.readiness.ReadyStack;
import dr.regions.readiness.StackReadiness;
import dr.runbooks.RunbookResult;
import dr.runbooks.actions.OperationsRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One promote, reprotect, failback cycle on the sandbox stack, with status after each step. */
class FailoverCycleTest {
    @TempDir
    Path temp;

    @Test
    void aPromotedStackIsReprotectedThenFailedBack() {
        InMemoryCloud cloud = ReadyStack.cloud();
        OperationsRun run = new OperationsRun(cloud, OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR), temp);

        RunbookResult promoted = run.run("promote-replica");
        assertThat(promoted.exitCode()).as(promoted.message()).isEqualTo(ExitCode.OK);
        assertThat(Failover.read(ReadyStack.spec(), cloud)).isEqualTo(Failover.PROMOTED);

        RunbookResult reprotected = run.run("reprotect");
        assertThat(reprotected.exitCode()).as(reprotected.message()).isEqualTo(ExitCode.OK);
        assertThat(Failover.read(ReadyStack.spec(), cloud)).isEqualTo(Failover.REPROTECTED);
        ReadinessReport status = new StackReadiness(cloud, ReadyStack.spec()).check(cloud.world().time());
        assertThat(status.ready()).as(String.join("\n", status.reasons())).isTrue();

        RunbookResult failedBack = run.run("failback");
        assertThat(failedBack.exitCode()).as(failedBack.message()).isEqualTo(ExitCode.OK);
        assertThat(Failover.read(ReadyStack.spec(), cloud)).isEqualTo(Failover.NONE);
        DatabaseLayout layout = DatabaseLayout.read(ReadyStack.spec(), cloud);
        assertThat(layout.writer().orElseThrow().identifier()).isEqualTo("dr-db-g3");
        assertThat(layout.replica().orElseThrow().identifier()).isEqualTo("dr-db-g4");
        status = new StackReadiness(cloud, ReadyStack.spec()).check(cloud.world().time());
        assertThat(status.ready()).as(String.join("\n", status.reasons())).isTrue();
    }
}
