package dr.cli.commands;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dr.cli.output.Printer;

import dr.cli.runtime.CommandContext;
import picocli.AutoComplete;
import picocli.CommandLine.Command;

@Command(name = "completion",
        description = {"Print a shell completion script (bash or zsh).", ""},
        subcommands = {CompletionCommand.Bash.class, CompletionCommand.Zsh.class},
        footerHeading = "%nExample:%n",
        footer = "  source <(dr completion bash)")
public final class CompletionCommand extends GroupCommand {

    /** The script picocli generates from the command tree, so it always matches the options. */
    static String bashScript(DrSubcommand command) {
        return AutoComplete.bash("dr", command.spec.root().commandLine());
    }

    abstract static class ScriptCommand extends OfflineCommand {
        void printScript(CommandContext context, String shell, String script) {
            Printer.text(context, script, JsonNodeFactory.instance.objectNode().put("shell", shell));
        }
    }

    @Command(name = "bash",
            description = {
                "Print the bash completion script.", "",
                "Completes commands, options and option values.",
                "Changes: nothing.",
                "Takes: about a second.",
                ""},
            footerHeading = "%nExamples:%n",
            footer = {"  source <(dr completion bash)                  # this shell",
                "  dr completion bash > ~/.local/share/bash-completion/completions/dr"})
    static final class Bash extends ScriptCommand {
        @Override
        protected int run(CommandContext context) {
            printScript(context, "bash", bashScript(this));
            return 0;
        }
    }

    @Command(name = "zsh",
            description = {
                "Print the zsh completion script.", "",
                "The bash script, loaded through zsh's bashcompinit.",
                "Changes: nothing.",
                "Takes: about a second.",
                ""},
            footerHeading = "%nExample:%n",
            footer = "  source <(dr completion zsh)                    # e.g. in ~/.zshrc")
    static final class Zsh extends ScriptCommand {
        static final String PREAMBLE = "autoload -U +X compinit && compinit\n"
                + "autoload -U +X bashcompinit && bashcompinit\n";

        @Override
        protected int run(CommandContext context) {
            printScript(context, "zsh", PREAMBLE + bashScript(this));
            return 0;
        }
    }
}
