package dr.regions.moto;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One moto server: either a process this run started ({@code python3 -m moto.server} on a free loopback port) or
 * the one {@code DR_EMULATOR_ENDPOINT} names. A started process is stopped when the run ends: by JUnit closing the
 * root store, and by a JVM shutdown hook when the run ends any other way.
 */
public final class MotoServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    static final String ENDPOINT_VARIABLE = "DR_EMULATOR_ENDPOINT";
    private static final String PYTHON = "python3";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI endpoint;
    private final Process process;
    private final Thread shutdownHook;

    private MotoServer(URI endpoint, Process process) {
        this.endpoint = endpoint;
        this.process = process;
        this.shutdownHook = process == null ? null : new Thread(this::stop, "moto-server-stop");
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** Why moto cannot run here, or empty when it can (an endpoint is set, or python3 imports moto). */
    static Optional<String> reasonToSkip() {
        if (configuredEndpoint().isPresent()) {
            return Optional.empty();
        }
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import moto.server")
                    .redirectErrorStream(true).start();
            if (!probe.waitFor(60, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return Optional.of(PYTHON + " -c 'import moto.server' did not finish in 60 s");
            }
            if (probe.exitValue() != 0) {
                String output = new String(probe.getInputStream().readAllBytes()).strip();
                String last = output.lines().reduce((a, b) -> b).orElse("exit " + probe.exitValue());
                return Optional.of("the moto package is not installed for " + PYTHON + " (" + last
                        + "); pip install 'moto[server]' or set " + ENDPOINT_VARIABLE);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(PYTHON + " not found (" + e.getMessage() + "); install python3 and 'moto[server]'"
                    + " or set " + ENDPOINT_VARIABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while looking for moto");
        }
    }

    static Optional<URI> configuredEndpoint() {
        return Optional.ofNullable(System.getenv(ENDPOINT_VARIABLE)).filter(v -> !v.isBlank()).map(URI::create);
    }

    /** The configured server, or a new process on a free port, once it answers. */
    static MotoServer start() {
        Optional<URI> configured = configuredEndpoint();
        if (configured.isPresent()) {
            MotoServer server = new MotoServer(configured.get(), null);
            server.awaitAnswer();
            return server;
        }
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-server-", ".log");
            ProcessBuilder builder = new ProcessBuilder(PYTHON, "-m", "moto.server", "-H", "127.0.0.1",
                    "-p", String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // ACM issues DNS-validated certificates after this many seconds (moto's default is 60)
            builder.environment().put("MOTO_ACM_VALIDATION_WAIT", "1");
            MotoServer server = new MotoServer(URI.create("http://127.0.0.1:" + port), builder.start());
            server.awaitAnswer();
            System.out.println("[moto] server on " + server.endpoint + ", log " + log);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto server: " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every resource of every service ({@code POST /moto-api/reset}). */
    public void reset() {
        HttpResponse<String> response = post("/moto-api/reset");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moto reset answered " + response.statusCode() + ": " + response.body());
        }
    }

    private void awaitAnswer() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("moto server exited with " + process.exitValue() + " before answering");
            }
            try {
                // the reset every test starts with anyway: cheap, unlike data.json on a server full of state
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
            sleep(Duration.ofMillis(200));
        }
        stop();
        throw new IllegalStateException("moto server on " + endpoint + " did not answer within " + START_TIMEOUT
                + (last == null ? "" : ": " + last));
    }

    private HttpResponse<String> post(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("moto " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling moto " + path, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the process this run started (a configured server is left alone). */
    private void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run: nothing left to undo
            }
        }
    }
}
