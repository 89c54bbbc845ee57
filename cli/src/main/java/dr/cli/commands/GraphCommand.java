package dr.cli.commands;

import dr.core.ExitCode;
import dr.core.report.TopologyGraph;
import dr.regions.provision.ProvisionPlan;
import picocli.CommandLine.Option;

import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;

@Command(name = "graph",
        description = {
            "Draw the stack's topology.",
            "",
            "Every resource provision manages, one cluster per region and one for the global edge, with the "
                + "dependencies between them; the cross-region links (replica, image copy, failover, origin group) "
                + "are dashed. Mermaid renders on GitHub; DOT renders with Graphviz (dot -Tsvg).",
            "Changes: nothing; calls no AWS API.",
            "Takes: about a second.",
            ""},
        footerHeading = "%nExample:%n",
        footer = {"  dr graph --primary us-east-1 --dr us-west-2 > topology.mmd",
            "  dr graph --primary us-east-1 --dr us-west-2 --format dot | dot -Tsvg > topology.svg"})
public final class GraphCommand extends DrSubcommand {
    @Override
    protected boolean needsAws() {
        return false;
    }

    enum Format { mermaid, dot }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid (default) or dot.")
    Format format;

    @Override
    protected boolean requiresRegions() {
        return true;
    }

    @Override
    protected int run(CommandContext context) {
        TopologyGraph graph = TopologyGraph.of(ProvisionPlan.build(context.spec(), null));
        context.out().print(format == Format.dot ? graph.dot() : graph.mermaid());
        return ExitCode.OK.code();
    }
}
