package dr.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands whose engine has not landed say so plainly, exit 1, and touch nothing: no fake success. */
class NotAvailableYetTest {
    @TempDir
    Path temp;
    DrRunner dr;

    @BeforeEach
    void setUp() {
        dr = new DrRunner(temp);
    }

    @Test
    void everyCommandNotBuiltYetSaysSoAndExitsOne() {
        String[][] commands = {
            {"runbook", "run", "failover-drill"}};
        for (String[] command : commands) {
            String[] args = new String[command.length + 1];
            System.arraycopy(command, 0, args, 0, command.length);
            args[command.length] = "--sandbox";

            DrRunner.Result result = dr.run(args);

            dr.assertReachedCommand(result, String.join(" ", command).replace(" failover-drill", ""));
            assertThat(result.out()).isEmpty();
        }
        dr.assertNoAwsClientUsed();
        assertThat(Files.exists(dr.workingDirectory.resolve(".dr/sandbox.json")))
                .as("a command that did nothing leaves no sandbox file").isFalse();
    }

    @Test
    void aRunbookNameIsNotTakenForTheSandboxFile() {
        DrRunner.Result result = dr.run("runbook", "show", "--sandbox", "failover-drill");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("inject-fault");
    }
}
