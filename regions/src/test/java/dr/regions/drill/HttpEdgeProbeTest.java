package dr.regions.drill;

import com.sun.net.httpserver.HttpServer;
import dr.core.clock.SystemClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The real-AWS probe, against a local HTTP server standing in for CloudFront (no network needed). */
class HttpEdgeProbeTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/_dr/region", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void theRegionNamedByTheBodyIsTheRegionThatServed() throws IOException {
        String host = serve(200, "us-west-2");

        EdgeProbe.Answer answer = new HttpEdgeProbe(new SystemClock(), "http").get(host, "/_dr/region");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.region()).isEqualTo("us-west-2");
        assertThat(answer.error()).isNull();
        assertThat(answer.elapsed()).isPositive();
    }

    @Test
    void anErrorPageNamesNoRegion() throws IOException {
        String host = serve(502, "<html>502 ERROR The request could not be satisfied</html>");

        EdgeProbe.Answer answer = new HttpEdgeProbe(new SystemClock(), "http").get(host, "/_dr/region");

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.region()).isNull();
    }

    @Test
    void aConnectionThatFailsIsAnAnswerWithTheReasonNotAnException() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }

        EdgeProbe.Answer answer = new HttpEdgeProbe(new SystemClock(), "http").get("127.0.0.1:" + freePort,
                "/_dr/region");

        assertThat(answer.answered()).isFalse();
        assertThat(answer.error()).contains("ConnectException");
    }
}
