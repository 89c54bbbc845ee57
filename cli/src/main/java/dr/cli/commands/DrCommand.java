package dr.cli.commands;

import dr.cli.options.LockOptions;
import dr.cli.options.OutputOptions;
import dr.cli.options.SafetyOptions;
import dr.cli.options.TargetOptions;
import dr.cli.runtime.ClientsFactory;
import dr.cli.runtime.CloudSession;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.Connection;
import dr.cli.runtime.CredentialsCheck;
import dr.cli.runtime.Environment;
import dr.cli.runtime.ShutdownHooks;
import dr.cli.runtime.OutputSettings;
import dr.cli.runtime.StackLockSession;
import dr.core.config.StackConfig;
import dr.core.config.StackSpecResolver;
import dr.core.config.StackTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The root command: lists the subcommands and holds the options every command inherits. It also turns those
 * options into a {@link CommandContext}, checking everything before a client can be created.
 */
@Command(name = "dr", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, usageHelpAutoWidth = true, sortOptions = false,
        abbreviateSynopsis = true,
        description = {
            "Warm-standby disaster recovery for a three-tier web application on AWS, across two regions: builds the "
                + "stack, reports its readiness, runs failover drills, promotes the DR database and cleans up.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:the operation failed",
            "2:bad input or usage; nothing was called",
            "3:not ready for failover (status), or a drill missed its target",
            "4:internal error in dr"},
        footerHeading = "%nExample:%n",
        footer = {"  dr provision --primary us-east-1 --dr us-west-2 --sandbox", "  dr status --sandbox"})
public final class DrCommand extends GroupCommand {
    /**
     * The subcommands, in the order help lists them. Not in the annotation: picocli would build every one's model
     * at start-up; dr.cli.SubcommandModels adds them, with the full model only for the ones the arguments name.
     */
    public static final List<Class<?>> SUBCOMMANDS = List.of(
            ProvisionCommand.class, StatusCommand.class, FailoverCommand.class, PromoteReplicaCommand.class,
            ReprotectCommand.class, FailbackCommand.class, CleanupCommand.class, UnlockCommand.class, GraphCommand.class, IamPolicyCommand.class, RunbookCommand.class,
            CompletionCommand.class);

    @Mixin
    TargetOptions target;
    @Mixin
    OutputOptions output;
    @Mixin
    SafetyOptions safety;
    @Mixin
    LockOptions lock;

    private final ClientsFactory clientsFactory;
    private final Environment environment;

    public DrCommand(ClientsFactory clientsFactory, Environment environment) {
        this.clientsFactory = clientsFactory;
        this.environment = environment;
    }

    /** The root command of the command tree {@code spec} belongs to. */
    static DrCommand of(CommandSpec spec) {
        return (DrCommand) spec.root().userObject();
    }

    public OutputOptions output() {
        return output;
    }

    /** Where relative paths given by the operator (e.g. a report folder) are resolved: the working directory. */
    Path workingDirectory() {
        return environment.workingDirectory();
    }

    /** Where Ctrl-C handlers go (the JVM's shutdown hooks, or a test's). */
    ShutdownHooks shutdownHooks() {
        return environment.shutdownHooks();
    }

    /**
     * Validates every input of {@code command} (output, connection, config file, stack settings, credentials),
     * in that order, and builds its context. Throws bad input at the first problem.
     */
    CommandContext context(DrSubcommand command) {
        OutputSettings outputSettings = output.settings(environment);
        Connection connection = target.connection(environment);
        StackTarget stackTarget = null;
        if (command.usesStack()) {
            StackConfig given = target.loadConfigFile(environment)
                    .overriddenBy(target.asConfig())
                    .overriddenBy(command.stackOptions());
            stackTarget = new StackSpecResolver().resolve(given, command.requiresRegions());
        }
        boolean dryRun = command.dryRun();
        if (command.needsAws() && (!dryRun || command.dryRunReadsCloud()) && !connection.isSandbox()) {
            new CredentialsCheck(environment).require(connection);
        }
        boolean readOnly = dryRun || !command.changesCloud();
        Supplier<CloudSession> look = () -> clientsFactory.openReadOnly(connection);
        Supplier<CloudSession> opener = readOnly ? look : () -> clientsFactory.open(connection);
        if (!readOnly && stackTarget != null && command.takesStackLock()) {
            String name = command.spec.qualifiedName(" ").replaceFirst("^dr ", "");
            opener = StackLockSession.around(opener, new StackLockSession.Request(stackTarget.stack(), name,
                    lock.patience(), StackLockSession.holder(environment), name.equals("promote-replica"),
                    command.spec.commandLine().getErr()));
        }
        return new CommandContext(stackTarget, connection, outputSettings, safety.assumeYes(), dryRun,
                command.spec.commandLine().getOut(), command.spec.commandLine().getErr(), opener, look);
    }
}
