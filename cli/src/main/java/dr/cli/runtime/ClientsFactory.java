package dr.cli.runtime;

/**
 * Opens the {@link CloudSession} for a connection. Called only after every input check has passed, and only by
 * a command that needs AWS, so bad input never creates a client.
 */
@FunctionalInterface
public interface ClientsFactory {
    CloudSession open(Connection connection);

    /** The sandbox for {@code --sandbox}, real AWS otherwise. */
    static ClientsFactory standard() {
        return connection -> connection.sandbox()
                .<CloudSession>map(SandboxSession::open)
                .orElseGet(() -> AwsSession.open(connection));
    }
}
