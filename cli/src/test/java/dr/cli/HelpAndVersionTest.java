package dr.cli;

import dr.core.model.StackSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HelpAndVersionTest extends DrCommandTest {
    private static List<CommandLine> allCommands() {
        CommandLine root = new Main(connection -> {
            throw new AssertionError("no session");
        }, new TestEnvironment(Path.of("/nonexistent"), Path.of("/nonexistent")))
                .commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    private static String[] argsOf(CommandLine command, String... more) {
        List<String> args = new ArrayList<>(List.of(command.getCommandSpec().qualifiedName().split(" ")));
        args.remove(0);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void helpListsEverySubcommand() {
        DrRunner.Result result = dr.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("provision", "status", "failover", "promote-replica", "cleanup", "graph",
                "iam-policy", "runbook", "completion", "Exit codes:");
        assertThat(dr.run("failover", "--help").out()).contains("drill", "restore");
        assertThat(dr.run("runbook", "--help").out()).contains("list", "show", "run");
        assertThat(dr.run("completion", "--help").out()).contains("bash", "zsh");
        dr.assertNoAwsClientUsed();
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        for (CommandLine command : allCommands()) {
            DrRunner.Result help = dr.run(argsOf(command, "--help"));
            DrRunner.Result shortHelp = dr.run(argsOf(command, "-h"));
            DrRunner.Result version = dr.run(argsOf(command, "--version"));

            assertThat(help.exitCode()).as(command.getCommandName()).isZero();
            assertThat(help.out()).startsWith("Usage: " + command.getCommandSpec().qualifiedName());
            assertThat(shortHelp.out()).isEqualTo(help.out());
            assertThat(version.exitCode()).isZero();
            assertThat(version.out()).startsWith("dr ");
        }
    }

    @Test
    void everyLeafCommandSaysWhatItChangesHowLongItTakesAndGivesAnExample() {
        for (CommandLine command : allCommands()) {
            String help = dr.run(argsOf(command, "--help")).out();
            assertThat(help).as(command.getCommandSpec().qualifiedName()).contains("Example");
            if (command.getSubcommands().isEmpty()) {
                assertThat(help).as(command.getCommandSpec().qualifiedName()).contains("Changes:", "Takes:");
            }
        }
    }

    @Test
    void versionIsTheOneFromTheBuild() {
        String expected = System.getProperty("dr.expectedVersion");
        assertThat(expected).as("set by the cli pom for surefire").isNotBlank();

        DrRunner.Result result = dr.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().findFirst()).contains("dr " + expected);
    }

    @Test
    void versionNamesTheCommitTheAwsSdkAndTheJavaRuntime() {
        List<String> lines = dr.run("--version").out().lines().toList();

        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).as("the build's git commit, or unknown outside a checkout")
                .matches("commit ([0-9a-f]{12}|unknown)");
        assertThat(lines.get(2)).isEqualTo("AWS SDK for Java " + software.amazon.awssdk.core.util.VersionInfo.SDK_VERSION);
        assertThat(lines.get(3)).startsWith("Java " + System.getProperty("java.version") + " (");
    }

    @Test
    void provisionHelpDocumentsEveryOption() {
        String help = dr.run("provision", "--help").out();

        for (String option : new String[] {"--primary", "--dr", "--stack", "--config", "--profile", "--endpoint-url",
                "--sandbox", "--output", "--no-color", "--verbose", "--quiet", "--stacktrace", "--yes", "--dry-run",
                "--domain", "--admin-cidr", "--[no-]allow-open-ssh", "--primary-cidr", "--dr-cidr", "--[no-]nat-per-az",
                "--web-instance-type", "--app-instance-type", "--web-image", "--app-image", "--db-instance-class", "--db-storage-gib", "--min",
                "--desired", "--max", "--dr-capacity", "--health-check-path", "--health-check-interval",
                "--health-check-threshold", "--help", "--version"}) {
            assertThat(help).as(option).contains(option);
        }
        CommandSpec provision = allCommands().stream()
                .filter(c -> c.getCommandName().equals("provision")).findFirst().orElseThrow().getCommandSpec();
        for (OptionSpec option : provision.options()) {
            assertThat(String.join(" ", option.description())).as(option.longestName()).isNotBlank();
        }
    }

    @Test
    void provisionHelpStatesTheRealDefaults() {
        String help = withoutSpaces(dr.run("provision", "--help").out());
        StackSpec defaults = StackSpec.defaults("us-east-1", "us-west-2");

        assertThat(help).as("picocli wraps lines, even inside words; compared without white space").contains(Stream.of(
                "(default: " + defaults.primaryCidr() + ")", "(default: " + defaults.drCidr() + ")",
                "web tier (default: " + defaults.webInstanceType() + ")",
                "app tier (default: " + defaults.appInstanceType() + ")",
                "(default: " + defaults.dbInstanceClass() + ")",
                "(default: " + defaults.dbAllocatedStorageGib() + ")",
                "DR's after promotion (default: the config's, else " + defaults.primaryCapacity().min() + ")",
                "between --min and --max (default: the config's, else " + defaults.primaryCapacity().desired() + ")",
                "Maximum instances per tier at primary capacity (default: the config's, else "
                        + defaults.primaryCapacity().max() + ")",
                "until promotion (default: " + defaults.drCapacity().desired() + ")",
                "(default: " + defaults.healthCheckPath() + ")",
                "(default: " + defaults.healthCheckIntervalSeconds() + ")",
                "1 to 10 (default: " + defaults.healthCheckFailureThreshold() + ")")
                .map(HelpAndVersionTest::withoutSpaces).toList());
    }

    @Test
    void adminCidrHelpSaysTheBastionIsOptionalAndRecommendsSessionManager() {
        String help = withoutSpaces(dr.run("provision", "--help").out());

        assertThat(help).contains(withoutSpaces("created only when this is given"), withoutSpaces("Session Manager"));
    }
}
