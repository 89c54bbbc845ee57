package dr.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.cli.output.Printer;
import dr.core.ExitCode;
import dr.runbooks.RunbookCatalog;
import dr.runbooks.builtin.Runbooks;
import java.util.List;

import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;

@Command(name = "list",
        description = {
            "List the runbooks.",
            "",
            "Each runbook with a one-line summary.",
            "Changes: nothing; calls no AWS API.",
            "Takes: about a second.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr runbook list")
public final class RunbookListCommand extends DrSubcommand {
    @Override
    protected boolean needsAws() {
        return false;
    }

    @Override
    protected int run(CommandContext context) {
        List<RunbookCatalog.Entry> entries = Runbooks.catalog().list();
        if (context.output().json()) {
            ArrayNode runbooks = JsonNodeFactory.instance.arrayNode();
            for (RunbookCatalog.Entry entry : entries) {
                ObjectNode node = runbooks.addObject();
                node.put("name", entry.name());
                node.put("description", entry.description());
                node.put("runnable", entry.runnable());
                entry.unavailableTypes().forEach(node.withArray("unavailableStepTypes")::add);
            }
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.set("runbooks", runbooks);
            Printer.json(context, document);
            return ExitCode.OK.code();
        }
        int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (RunbookCatalog.Entry entry : entries) {
            context.out().printf("%-" + width + "s  %s%s%n", entry.name(), entry.description(),
                    entry.runnable() ? "" : " (not runnable yet: step types " + String.join(", ", entry.unavailableTypes())
                            + " are in progress)");
        }
        return ExitCode.OK.code();
    }
}
