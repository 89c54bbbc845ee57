package dr.cli.bench;

import dr.cli.Main;
import dr.cli.runtime.CloudSession;
import dr.cli.runtime.ClientsFactory;
import dr.cli.runtime.Environment;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.world.World;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What saving the sandbox after every mutating call costs a full {@code dr provision --sandbox=FILE}: the same
 * provision, in-process, with the session dr uses (a save after every call the cloud accepted) and with the one it
 * replaced (one save when the command ends), taking turns; medians of wall time. A printed figure, not a test:
 * {@code java -cp <test classpath> dr.cli.bench.SandboxSaveCost [runs]}.
 */
public final class SandboxSaveCost {
    private SandboxSaveCost() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("dr-save-cost");
        List<Long> perCall = new ArrayList<>();
        List<Long> atEnd = new ArrayList<>();
        long[] saves = new long[1];
        for (int run = 0; run <= runs; run++) {
            long a = provision(dir.resolve("per-call-" + run), ClientsFactory.standard());
            long b = provision(dir.resolve("at-end-" + run), SandboxSaveCost::savedAtTheEnd);
            if (run > 0) { // the first pair warms the JVM up
                perCall.add(a);
                atEnd.add(b);
            }
        }
        Path counted = dir.resolve("count");
        provision(counted, connection -> {
            CloudSession session = ClientsFactory.standard().open(connection);
            World world = ((InMemoryCloud) session.clients()).world();
            world.addChangeListener(change -> saves[0] = world.changes());
            return session;
        });
        long after = median(perCall);
        long before = median(atEnd);
        System.out.printf("SANDBOX SAVE COST full provision --sandbox, wall time, medians of %d: saved after every "
                + "mutating call (%d calls, %d bytes) %d ms; saved once at the end %d ms; +%d ms (%.0f%%)%n", runs,
                saves[0], Files.size(counted.resolve("sandbox.json")), after, before, after - before,
                100.0 * (after - before) / before);
    }

    private static long provision(Path dir, ClientsFactory factory) throws IOException {
        Environment environment = new InProcessDr.IsolatedEnvironment(Files.createDirectories(dir.resolve("home")),
                Files.createDirectories(dir.resolve("work")));
        Main main = new Main(factory, environment);
        long start = System.nanoTime();
        int code = main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--stack", "bench",
                "--sandbox=" + dir.resolve("sandbox.json"), "-q");
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (code != 0) {
            throw new IllegalStateException("provision exited " + code);
        }
        return millis;
    }

    /** The session as it was before: the world loaded from the file, saved once when the command ends. */
    private static CloudSession savedAtTheEnd(dr.cli.runtime.Connection connection) {
        SandboxStore store = new SandboxStore(connection.sandbox().orElseThrow());
        World world = store.load();
        InMemoryCloud cloud = new InMemoryCloud(world);
        CloudSession inner = CloudSession.of(cloud, cloud.dataPlane(), world.clock());
        return new CloudSession() {
            @Override
            public dr.regions.aws.AwsClients clients() {
                return inner.clients();
            }

            @Override
            public dr.regions.dataplane.DataPlane dataPlane() {
                return inner.dataPlane();
            }

            @Override
            public dr.core.clock.Clock clock() {
                return inner.clock();
            }

            @Override
            public void close() {
                store.save(world);
            }
        };
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2);
    }
}
