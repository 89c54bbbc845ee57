package dr.cli;

import dr.cli.help.RootHelpRenderings;
import dr.cli.runtime.ClientsFactory;
import dr.cli.runtime.Environment;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Build step of the cli module (exec-maven-plugin, process-classes phase): renders {@code dr --help} from the model
 * the normal path builds, into the classes folder given, for {@link dr.cli.help.PrerenderedRootHelp}.
 */
public final class RootHelpFiles {
    private RootHelpFiles() {
    }

    public static void main(String[] args) throws IOException {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        RootHelpRenderings renderings = new RootHelpRenderings(
                new Main(ClientsFactory.standard(), Environment.system()).commandLine(nowhere, nowhere, "--help"));
        renderings.write(Path.of(args[0]));
    }
}
