package dr.cli;

import dr.cli.runtime.Connection;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which connection a command gets, seen by a probe command that opens its cloud session. */
class ConnectionOptionsTest extends DrCommandTest {
    private Connection connectionOf(String... args) {
        return new ConnectionProbe(dr.environment).connection(args);
    }

    @Test
    void sandboxDefaultsToTheFileUnderDotDr() {
        assertThat(connectionOf("--sandbox"))
                .isEqualTo(Connection.sandbox(dr.workingDirectory.resolve(".dr/sandbox.json")));
    }

    @Test
    void sandboxTakesAFileWhenAttached() {
        assertThat(connectionOf("--sandbox=game-day.json"))
                .isEqualTo(Connection.sandbox(dr.workingDirectory.resolve("game-day.json")));
    }

    @Test
    void sandboxIgnoresTheAmbientEndpointAndProfileVariables() {
        dr.environment.set("AWS_ENDPOINT_URL", "http://localhost:4566").set("AWS_PROFILE", "prod");

        assertThat(connectionOf("--sandbox").isSandbox()).isTrue();
    }

    @Test
    void endpointComesFromTheVariableWhenNotGiven() {
        dr.environment.withAccessKeys().set("AWS_ENDPOINT_URL", "http://localhost:4566");

        assertThat(connectionOf())
                .isEqualTo(Connection.aws(Optional.empty(), Optional.of(URI.create("http://localhost:4566"))));
    }

    @Test
    void theOptionWinsOverTheVariable() {
        dr.environment.withAccessKeys().set("AWS_ENDPOINT_URL", "http://localhost:4566");

        assertThat(connectionOf("--endpoint-url", "https://emulator.internal:8443").endpoint())
                .contains(URI.create("https://emulator.internal:8443"));
    }
}
