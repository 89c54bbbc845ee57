package dr.cli;

import dr.cli.commands.ProvisionCommand;
import dr.cli.options.CapacityOptions;
import dr.cli.commands.RunbookCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up (issue 20): a command builds the picocli model of the commands it names only, and the commands that
 * call no AWS API load no AWS SDK class (nor Jackson YAML, where they read no YAML). The class checks run dr in a
 * fresh JVM with {@code -Xlog:class+load}, since this JVM has loaded everything already.
 */
class StartupLoadsOnlyWhatItUsesTest {
    /** A mixin of provision (and promote-replica) only: loaded when their model is built, not to read their names. */
    private static final String CAPACITY_OPTIONS = CapacityOptions.class.getName();

    @TempDir
    Path temp;

    private static CommandLine model(String... args) {
        Path nowhere = Path.of("/nonexistent");
        return new Main(connection -> {
            throw new AssertionError("no session");
        }, new TestEnvironment(nowhere, nowhere)).commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), args);
    }

    private static String helpOf(CommandLine root, String... path) {
        CommandLine command = root;
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    @Test
    void onlyTheNamedCommandsGetTheirFullModel() {
        CommandLine root = model("runbook", "list");

        assertThat(root.getSubcommands()).containsKeys("provision", "status", "failover", "runbook", "completion");
        assertThat(root.getSubcommands().get("runbook").getCommandSpec().userObject()).isInstanceOf(RunbookCommand.class);
        assertThat(root.getSubcommands().get("provision").getCommandSpec().findOption("--domain"))
                .as("a stand-in: name and description only").isNull();
        assertThat(model().getSubcommands().get("provision").getCommandSpec().userObject())
                .as("no arguments: the whole model").isInstanceOf(ProvisionCommand.class);
        assertThat(model("completion", "bash").getSubcommands().get("provision").getCommandSpec().userObject())
                .as("completion covers every command").isInstanceOf(ProvisionCommand.class);
    }

    @Test
    void helpIsTheSameAsWithTheWholeModel() {
        assertThat(helpOf(model("--help"))).isEqualTo(helpOf(model()));
        assertThat(helpOf(model("runbook", "--help"), "runbook")).isEqualTo(helpOf(model(), "runbook"));
        assertThat(helpOf(model("failover", "drill", "--help"), "failover", "drill"))
                .isEqualTo(helpOf(model(), "failover", "drill"));
    }

    @Test
    void helpAndVersionOptionsComeLastAsWhenPicocliBuiltTheTreeFromTheAnnotations() {
        List<CommandLine> all = new ArrayList<>();
        collect(model(), all);
        for (CommandLine command : all.subList(1, all.size())) {
            List<String> options = command.getCommandSpec().options().stream().map(o -> o.longestName()).toList();

            assertThat(options.subList(options.size() - 2, options.size())).as(command.getCommandSpec().qualifiedName())
                    .containsExactly("--help", "--version");
        }
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    private List<String> classesLoadedBy(String... args) throws Exception {
        Path log = temp.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load:file=" + log, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true)
                .redirectOutput(temp.resolve("out.txt").toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(temp.resolve("out.txt"))).isZero();
        return Files.readAllLines(log).stream().map(line -> line.split(" ")).filter(f -> f.length > 1)
                .map(f -> f[1]).toList();
    }

    @Test
    void helpAndVersionLoadNoAwsSdkNoYamlAndNoOtherCommand() throws Exception {
        for (String option : new String[] {"--help", "--version"}) {
            List<String> loaded = classesLoadedBy(option);

            assertThat(loaded).as(option).noneMatch(c -> c.startsWith("software.amazon.awssdk."))
                    .noneMatch(c -> c.startsWith("com.fasterxml.jackson.dataformat.yaml."))
                    .as("provision's options, loaded only to build its model").doesNotContain(CAPACITY_OPTIONS);
        }
    }

    /**
     * {@code dr --help} prints the renderings the build made (dr.cli.help.PrerenderedRootHelp): no command class, no
     * picocli model. Fails when the fast path is gone, or when the build did not write the renderings.
     */
    @Test
    void rootHelpLoadsNoCommandAndBuildsNoModel() throws Exception {
        for (String option : new String[] {"--help", "-h"}) {
            List<String> loaded = classesLoadedBy(option);

            assertThat(Files.readString(temp.resolve("out.txt"))).as(option).startsWith("Usage: dr");
            assertThat(loaded).as(option).contains("dr.cli.help.PrerenderedRootHelp")
                    .noneMatch(c -> c.startsWith("dr.cli.commands."))
                    .doesNotContain(CommandLine.Model.CommandSpec.class.getName(), CommandLine.class.getName());
        }
    }

    @Test
    void commandsThatCallNoAwsLoadNoAwsSdk() throws Exception {
        assertThat(classesLoadedBy("completion", "bash")).noneMatch(c -> c.startsWith("software.amazon.awssdk."))
                .noneMatch(c -> c.startsWith("com.fasterxml.jackson.dataformat.yaml."));
        assertThat(classesLoadedBy("runbook", "list")).noneMatch(c -> c.startsWith("software.amazon.awssdk."))
                .doesNotContain(CAPACITY_OPTIONS);
        assertThat(classesLoadedBy("iam-policy")).noneMatch(c -> c.startsWith("software.amazon.awssdk."))
                .doesNotContain(CAPACITY_OPTIONS);
    }

    /**
     * The in-memory cloud's clients are classes generated for the operations the fakes serve; a JDK dynamic proxy of
     * the SDK interfaces loaded the request and response types of every operation (25,645 SDK classes in all, issue
     * 20's BENCHMARKS.md figures), EC2's AcceptReservedInstancesExchangeQuote, which dr never calls, among them.
     */
    @Test
    void aSandboxProvisionLoadsTheSdkTypesOfTheOperationsItCallsOnly() throws Exception {
        String[] provision = {"provision", "--primary", "us-east-1", "--dr", "us-west-2",
            "--sandbox=" + temp.resolve("sandbox.json"), "-q"};
        classesLoadedBy(provision);

        List<String> sdk = classesLoadedBy(provision).stream().filter(c -> c.startsWith("software.amazon.awssdk."))
                .toList();

        assertThat(sdk).as("an operation dr never calls")
                .doesNotContain("software.amazon.awssdk.services.ec2.model.AcceptReservedInstancesExchangeQuoteRequest");
        assertThat(sdk.size()).as("SDK classes a no-op provision loads (about 4,800 when written)").isLessThan(10_000);
    }
}
