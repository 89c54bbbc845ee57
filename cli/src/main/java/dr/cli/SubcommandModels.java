package dr.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Adds the subcommands to a command, with the full picocli model only for those that the command line names.
 * Building a command's model is reflection over its options, mixins, converters and their types; done for every
 * command, it was most of the start-up time of {@code dr --help}, {@code dr --version} or {@code dr runbook list}.
 * A subcommand not named among the arguments gets a stand-in with only its name and description, which is all its
 * parent's help lists; a stand-in never runs, since picocli selects a subcommand only by a name on the command line.
 */
final class SubcommandModels {
    private SubcommandModels() {
    }

    /**
     * The whole model when there are no arguments (the usage error lists every command; tests walk the tree), for
     * {@code completion} (its script covers every command and option) and with an {@code @file} argument (the
     * file's arguments are not known here).
     */
    static void add(CommandLine parent, List<Class<?>> subcommands, String... args) {
        List<String> arguments = Arrays.asList(args);
        boolean whole = arguments.isEmpty() || arguments.contains("completion")
                || arguments.stream().anyMatch(a -> a.startsWith("@"));
        Set<String> named = Set.copyOf(arguments);
        for (Class<?> type : subcommands) {
            Command command = type.getAnnotation(Command.class);
            boolean isNamed = Stream.concat(Stream.of(command.name()), Arrays.stream(command.aliases()))
                    .anyMatch(named::contains);
            CommandLine subcommand = whole || isNamed ? new CommandLine(type) : standIn(command);
            parent.addSubcommand(command.name(), subcommand, command.aliases());
            helpOptionsLast(subcommand.getCommandSpec());
        }
    }

    /**
     * Added to a finished parent, a subcommand gets the inherited -h and -V before the inherited options; help
     * listed them last when picocli built the tree from the annotations, and still does.
     */
    private static void helpOptionsLast(CommandSpec spec) {
        for (OptionSpec option : List.copyOf(spec.options())) {
            if (option.usageHelp() || option.versionHelp()) {
                spec.remove(option);
                spec.addOption(option);
            }
        }
        spec.subcommands().values().forEach(sub -> helpOptionsLast(sub.getCommandSpec()));
    }

    private static CommandLine standIn(Command command) {
        CommandSpec spec = CommandSpec.create();
        spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
        return new CommandLine(spec);
    }
}
