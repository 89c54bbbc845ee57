package dr.cli;

import dr.cli.commands.DrSubcommand;
import dr.cli.runtime.CloudSession;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.Connection;
import dr.regions.inmemory.InMemoryCloud;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Adds a {@code probe} command that opens its session, and reports the connection it was opened with. */
final class ConnectionProbe {
    private final TestEnvironment environment;

    ConnectionProbe(TestEnvironment environment) {
        this.environment = environment;
    }

    @CommandLine.Command(name = "probe")
    static final class Probe extends DrSubcommand {
        @Override
        protected int run(CommandContext context) {
            context.clients();
            return 0;
        }
    }

    Connection connection(String... options) {
        List<Connection> opened = new ArrayList<>();
        InMemoryCloud cloud = new InMemoryCloud();
        StringWriter err = new StringWriter();
        String[] args = Arguments.join(new String[] {"probe"}, options);
        CommandLine commandLine = new Main(connection -> {
            opened.add(connection);
            return CloudSession.of(cloud, cloud.dataPlane(), cloud.world().clock());
        }, environment).commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        commandLine.addSubcommand(new Probe());

        int exitCode = commandLine.execute(args);

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(opened).hasSize(1);
        return opened.get(0);
    }
}
