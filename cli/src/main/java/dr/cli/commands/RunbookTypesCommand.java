package dr.cli.commands;

import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.core.ExitCode;
import dr.runbooks.builtin.Runbooks;
import dr.runbooks.StepTypeText;
import dr.runbooks.step.StepType;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "types",
        description = {
            "List the step types a runbook can use.",
            "",
            "Each step type with what it does, its default timeout and its parameters (type, default, allowed "
                + "values): what you need to write your own runbook for 'dr runbook run FILE'.",
            "Changes: nothing; calls no AWS API.",
            "Takes: about a second.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr runbook types")
public final class RunbookTypesCommand extends DrSubcommand {
    @Override
    protected boolean needsAws() {
        return false;
    }

    @Override
    protected int run(CommandContext context) {
        List<StepType> types = Runbooks.registry().types();
        if (context.output().json()) {
            Printer.json(context, StepTypeText.toJson(types));
        } else {
            context.out().print(StepTypeText.render(types));
        }
        return ExitCode.OK.code();
    }
}
