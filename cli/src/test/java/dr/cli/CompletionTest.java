package dr.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionTest extends DrCommandTest {
    private record Shell(int exitCode, String output) {
    }

    private Shell bash(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", script)
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("bash finished").isTrue();
        return new Shell(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void bashAcceptsTheScriptAndRegistersCompletionForDr() throws Exception {
        DrRunner.Result result = dr.run("completion", "bash");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        Path script = Files.writeString(temp.resolve("dr-completion.bash"), result.out());

        Shell shell = bash("source '" + script + "' && complete -p dr");

        assertThat(shell.exitCode()).as(shell.output()).isZero();
        assertThat(shell.output()).contains("dr");
        assertThat(result.out()).contains("provision", "promote-replica", "--admin-cidr", "--sandbox");
        dr.assertNoAwsClientUsed();
    }

    @Test
    void bashCompletesSubcommandsFromTheScript() throws Exception {
        Path script = Files.writeString(temp.resolve("dr-completion.bash"), dr.run("completion", "bash").out());

        Shell shell = bash("source '" + script + "'; COMP_WORDS=(dr fail); COMP_CWORD=1; COMP_LINE='dr fail'; "
                + "COMP_POINT=${#COMP_LINE}; _complete_dr dr fail dr; printf '%s\\n' \"${COMPREPLY[@]}\"");

        assertThat(shell.output().lines()).as(shell.output()).contains("failover");
    }

    @Test
    void zshScriptLoadsBashcompinitFirst() {
        DrRunner.Result result = dr.run("completion", "zsh");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n");
        assertThat(result.out()).contains("complete -F");
    }
}
