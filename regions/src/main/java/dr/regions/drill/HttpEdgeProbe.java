package dr.regions.drill;

import dr.core.clock.Clock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A real HTTPS GET through CloudFront, with short timeouts so one poll never blocks the drill for long: 5 s to
 * connect to the edge, 15 s for the whole request (CloudFront itself may spend its origin timeout on the dead
 * primary before it asks the DR origin). Caching is bypassed with {@code Cache-Control: no-cache}; dr's distribution
 * caches nothing anyway. Redirects are not followed: the answer of the distribution itself is what counts.
 */
public final class HttpEdgeProbe implements EdgeProbe {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_BODY = 1024;

    private final Clock clock;
    private final HttpClient client;
    private final String scheme;

    public HttpEdgeProbe(Clock clock) {
        this(clock, "https");
    }

    /** {@code scheme} {@code http} only for tests against a local server. */
    HttpEdgeProbe(Clock clock, String scheme) {
        this.clock = clock;
        this.scheme = scheme;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Answer get(String host, String path) {
        Instant at = clock.now();
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(scheme + "://" + host + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Cache-Control", "no-cache")
                .header("User-Agent", "dr-failover-drill")
                .GET().build();
        try {
            HttpResponse<String> response = client.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body() == null ? "" : response.body();
            body = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
            return new Answer(response.statusCode(), body, EdgeProbe.regionOf(body), null, at, since(started), null);
        } catch (IOException e) {
            return new Answer(0, "", null, null, at, since(started), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", null, null, at, since(started), "interrupted");
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
