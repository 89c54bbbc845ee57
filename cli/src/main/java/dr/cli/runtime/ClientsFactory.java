package dr.cli.runtime;

/**
 * Opens the {@link CloudSession} for a connection. Called only after every input check has passed, and only by
 * a command that needs AWS, so bad input never creates a client.
 */
@FunctionalInterface
public interface ClientsFactory {
    CloudSession open(Connection connection);

    /**
     * For a command that changes nothing (or only shows what it would change): a factory that keeps state may skip
     * locking and saving it.
     */
    default CloudSession openReadOnly(Connection connection) {
        return open(connection);
    }

    /** The sandbox for {@code --sandbox}, real AWS otherwise. */
    static ClientsFactory standard() {
        return new ClientsFactory() {
            @Override
            public CloudSession open(Connection connection) {
                return connection.sandbox()
                        .<CloudSession>map(file -> SandboxSession.open(file, false))
                        .orElseGet(() -> AwsSession.open(connection));
            }

            @Override
            public CloudSession openReadOnly(Connection connection) {
                return connection.sandbox()
                        .<CloudSession>map(file -> SandboxSession.open(file, true))
                        .orElseGet(() -> AwsSession.open(connection));
            }
        };
    }
}
