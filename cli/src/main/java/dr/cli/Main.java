package dr.cli;

import dr.cli.commands.DrCommand;
import dr.cli.help.PrerenderedRootHelp;
import dr.cli.runtime.ClientsFactory;
import dr.cli.runtime.Environment;
import picocli.CommandLine;
import picocli.CommandLine.Help;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Entry point: {@code System.exit(run(...))}; tests call {@link #execute} with their own cloud and environment. */
public final class Main {
    private final ClientsFactory clientsFactory;
    private final Environment environment;

    public Main(ClientsFactory clientsFactory, Environment environment) {
        this.clientsFactory = clientsFactory;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs dr against real AWS or the sandbox, as the arguments say. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new Main(ClientsFactory.standard(), Environment.system()).execute(out, err, args);
    }

    public int execute(PrintWriter out, PrintWriter err, String... args) {
        try {
            // An anonymous class, not a lambda: linking a first lambda would add a tenth to dr --help's start-up.
            Optional<String> help = PrerenderedRootHelp.forArguments(args, new BooleanSupplier() {
                @Override
                public boolean getAsBoolean() {
                    return noColor(args);
                }
            });
            if (help.isPresent()) {
                out.print(help.get());
                return 0;
            }
            return commandLine(out, err, args).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        ErrorReporter errors = new ErrorReporter();
        CommandLine commandLine = new CommandLine(new DrCommand(clientsFactory, environment));
        SubcommandModels.add(commandLine, DrCommand.SUBCOMMANDS, args);
        commandLine
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setExitCodeExceptionMapper(errors);
        // Help is printed while parsing, before --no-color is read as an option.
        if (noColor(args)) {
            commandLine.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        }
        return commandLine;
    }

    private boolean noColor(String... args) {
        return Arrays.asList(args).contains("--no-color") || environment.variable("NO_COLOR").isPresent();
    }
}
