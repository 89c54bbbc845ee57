package dr.regions.moto;

import dr.regions.aws.AwsClients;
import dr.regions.aws.ClientSettings;
import dr.regions.aws.SdkAwsClients;

import java.net.URI;
import java.util.Optional;

/**
 * What a test gets from {@link OnMoto}: the server's endpoint, and clients on it built by the production factory
 * exactly as {@code --endpoint-url} builds them. The production factory reads credentials from the SDK's default
 * chain; {@link MotoExtension} sets the chain's first source, the {@code aws.accessKeyId}/{@code aws.secretAccessKey}
 * system properties, to static test keys around each test class and restores them afterwards.
 */
public final class Moto {
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    private final MotoServer server;

    Moto(MotoServer server) {
        this.server = server;
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** Production SDK clients pointed at the server; the caller closes them. */
    public AwsClients clients() {
        return new SdkAwsClients(new ClientSettings(Optional.empty(), Optional.of(endpoint())));
    }

    /** Forgets everything on the server (the extension already does so before each test). */
    public void reset() {
        server.reset();
    }
}
