package dr.cli;

import dr.cli.help.PrerenderedRootHelp;
import dr.cli.help.RootHelpRenderings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code dr --help} from the renderings the build made (issue 20): the same bytes and exit code as picocli's normal
 * path, for the widths and colours picocli chooses at run time. Which classes the fast path loads:
 * {@link StartupLoadsOnlyWhatItUsesTest}.
 */
class PrerenderedRootHelpTest {
    /**
     * A {@code picocli.*} system property sends dr down the normal path (such properties can change the rendering);
     * this one changes nothing else, picocli's tracing being off by default.
     */
    private static final String NORMAL_PATH = "-Dpicocli.trace=OFF";

    @TempDir
    Path temp;

    record Run(int exitCode, String output) {
    }

    private static RootHelpRenderings renderingsOfTheCurrentModel() {
        Path nowhere = Path.of("/nonexistent");
        PrintWriter discard = new PrintWriter(new StringWriter());
        return new RootHelpRenderings(new Main(connection -> {
            throw new AssertionError("no session");
        }, new TestEnvironment(nowhere, nowhere)).commandLine(discard, discard, "--help"));
    }

    /** The renderings cannot go stale: each is what picocli renders from today's model (RootHelpFiles wrote them). */
    @Test
    void theRenderingsAreThoseOfTheCurrentModel() {
        RootHelpRenderings current = renderingsOfTheCurrentModel();
        List<Integer> widths = new ArrayList<>(IntStream.rangeClosed(RootHelpRenderings.NARROWEST, 260).boxed().toList());
        widths.addAll(List.of(400, 999, RootHelpRenderings.WIDEST));

        for (boolean colour : new boolean[] {false, true}) {
            for (int width : widths) {
                assertThat(PrerenderedRootHelp.rendering(width, colour)).as("width %d, colour %s", width, colour)
                        .contains(current.render(width, colour));
            }
            assertThat(PrerenderedRootHelp.rendering(RootHelpRenderings.WIDEST + 1, colour))
                    .as("an unusual width: the normal path").isEmpty();
        }
        assertThat(PrerenderedRootHelp.rendering(80, true)).get().asString().contains("\u001B[");
        assertThat(PrerenderedRootHelp.rendering(80, false)).get().asString().doesNotContain("\u001B");
    }

    @Test
    void onlyTheHelpOptionAloneTakesTheFastPath() {
        assertThat(PrerenderedRootHelp.forArguments(new String[] {"--help"}, () -> true)).isPresent();
        assertThat(PrerenderedRootHelp.forArguments(new String[] {"-h"}, () -> true)).isPresent();
        assertThat(PrerenderedRootHelp.forArguments(new String[] {"--help", "--no-color"}, () -> true)).isEmpty();
        assertThat(PrerenderedRootHelp.forArguments(new String[] {"provision", "--help"}, () -> true)).isEmpty();
        assertThat(PrerenderedRootHelp.forArguments(new String[] {"--version"}, () -> true)).isEmpty();
        assertThat(PrerenderedRootHelp.forArguments(new String[] {"--hel"}, () -> true)).isEmpty();
    }

    /** Not on a terminal picocli takes 80 columns; colour from the environment (CLICOLOR_FORCE, NO_COLOR). */
    @Test
    void printsWhatTheNormalPathPrintsWithColourAndWithout() throws Exception {
        for (Map<String, String> environment : List.of(Map.of("CLICOLOR_FORCE", "1"),
                Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "1"), Map.<String, String>of())) {
            for (String option : List.of("--help", "-h")) {
                Run fast = dr(environment, List.of(), option);
                Run normal = dr(environment, List.of(NORMAL_PATH), option);

                assertThat(fast).as("%s %s", environment, option).isEqualTo(normal);
                assertThat(fast.exitCode()).isZero();
                assertThat(fast.output()).startsWith(environment.containsKey("CLICOLOR_FORCE")
                        && !environment.containsKey("NO_COLOR") ? "Usage: \u001B[1mdr" : "Usage: dr");
            }
        }
    }

    /**
     * On a terminal picocli asks {@code stty} for its width, and colours by default; {@code script} gives dr a
     * terminal of the width set. 250 columns is wider than any line of the help: the widest rendering serves it.
     */
    @Test
    void printsWhatTheNormalPathPrintsOnTerminalsOfSeveralWidths() throws Exception {
        boolean hasScript = run(Map.of(), List.of("sh", "-c", "command -v script && command -v stty")).exitCode() == 0;
        if (!hasScript) {
            System.out.println("PrerenderedRootHelpTest: terminal widths skipped: no 'script' or 'stty' command");
        }
        assumeTrue(hasScript, "no 'script' (util-linux) or 'stty' command to run dr on a terminal");

        for (int width : new int[] {61, 100, 137, 250}) {
            Run fast = onTerminal(width, "");
            Run normal = onTerminal(width, NORMAL_PATH);

            assertThat(fast).as("%d columns", width).isEqualTo(normal);
            assertThat(fast.exitCode()).isZero();
            assertThat(fast.output()).contains("Usage: \u001B[1mdr");
            assertThat(fast.output().lines().mapToInt(String::length).max().orElseThrow())
                    .as("the longest line, colour codes included").isGreaterThan(width > 200 ? 200 : width - 20);
        }
    }

    private Run onTerminal(int width, String javaOption) throws Exception {
        String command = "stty cols " + width + " rows 50 && '" + java() + "' " + javaOption + " -cp '"
                + System.getProperty("java.class.path") + "' " + Main.class.getName() + " --help";
        return run(Map.of("TERM", "xterm"), List.of("script", "-qec", command, "/dev/null"));
    }

    private Run dr(Map<String, String> environment, List<String> javaOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return run(environment, command);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code command} with this JVM's environment less anything that decides colours, plus {@code extra}. */
    private Run run(Map<String, String> extra, List<String> command) throws Exception {
        Path output = temp.resolve("output");
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        List.of("NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "ANSICON", "ConEmuANSI").forEach(builder.environment()::remove);
        builder.environment().putAll(extra);
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
