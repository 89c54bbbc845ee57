package dr.cli.commands;

import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.core.ExitCode;
import dr.regions.graph.GraphRequest;
import dr.regions.graph.StackGraph;
import dr.regions.graph.StackGraphs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "graph",
        description = {
            "Draw the stack's topology.",
            "",
            "Every resource provision manages, one cluster per region and one for the global edge, with the "
                + "dependencies between them; the cross-region links (replica, image copy, failover, origin group) "
                + "are dashed. Mermaid renders on GitHub; DOT renders with Graphviz (dot -Tsvg). Each region "
                + "names its two availability zones: read with --live or --sandbox, else 'chosen at run time'.",
            "Changes: nothing; calls no AWS API (--live: read-only calls).",
            "Takes: about a second.",
            ""},
        footerHeading = "%nExample:%n",
        footer = {"  dr graph --primary us-east-1 --dr us-west-2 > topology.mmd",
            "  dr graph --primary us-east-1 --dr us-west-2 --format dot | dot -Tsvg > topology.svg"})
public final class GraphCommand extends DrSubcommand {
    enum Format { mermaid, dot }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid (default) or dot.")
    Format format;

    @Option(names = "--live", description = "Look at what is deployed (read-only AWS calls) and mark the pieces "
            + "that are missing or not healthy.")
    boolean live;

    @Override
    protected boolean requiresRegions() {
        return true;
    }

    @Override
    protected boolean needsAws() {
        return live;
    }

    @Override
    protected boolean changesCloud() {
        return false;
    }

    @Override
    protected int run(CommandContext context) {
        // Without --live the graph asks no AWS API, so the zones are known only in the sandbox.
        StackGraph graph = StackGraphs.draw(new GraphRequest(context.spec(), live,
                live || context.connection().isSandbox()), context::clients);
        Printer.text(context, format == Format.dot ? graph.dot() : graph.mermaid(), graph.toJson(format.name()));
        graph.problems().forEach(problem -> context.err().println("dr: " + problem));
        return graph.complete() ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }
}
