package dr.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.cli.Main;
import dr.cli.runtime.CloudSession;
import dr.cli.runtime.Environment;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * dr run in this JVM against one in-memory sandbox account, so a benchmark can read the cloud's call log and
 * modeled clock. Nothing is read from the host: no variables, an empty home and working directory.
 */
final class InProcessDr {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());
    private final Environment environment;

    InProcessDr(Path scratch) {
        this.environment = new IsolatedEnvironment(directory(scratch.resolve("home")), directory(scratch.resolve("work")));
    }

    InMemoryCloud cloud() {
        return cloud;
    }

    /** Runs dr with {@code --output json} appended and returns the document; fails on a non-zero exit. */
    JsonNode json(String... args) {
        String[] withJson = new String[args.length + 2];
        System.arraycopy(args, 0, withJson, 0, args.length);
        withJson[args.length] = "--output";
        withJson[args.length + 1] = "json";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main main = new Main(connection -> CloudSession.of(cloud, cloud.dataPlane(), cloud.world().clock()), environment);
        int code = main.execute(new PrintWriter(out), new PrintWriter(err), withJson);
        if (code != 0) {
            throw new IllegalStateException("dr " + String.join(" ", withJson) + " exited " + code + ": " + err);
        }
        try {
            return JSON.readTree(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record IsolatedEnvironment(Path homeDirectory, Path workingDirectory) implements Environment {
        @Override
        public Optional<String> variable(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<String> property(String name) {
            return Optional.empty();
        }

        @Override
        public boolean onEc2Instance() {
            return false;
        }
    }
}
