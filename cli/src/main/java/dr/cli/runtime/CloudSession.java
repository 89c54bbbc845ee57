package dr.cli.runtime;

import dr.core.clock.Clock;
import dr.regions.aws.AwsClients;
import dr.regions.dataplane.DataPlane;

/**
 * The AWS clients, the data plane (how users reach the stack) and the clock one command runs with; closing it
 * releases the clients (and saves a sandbox).
 */
public interface CloudSession extends AutoCloseable {
    AwsClients clients();

    DataPlane dataPlane();

    Clock clock();

    @Override
    void close();

    /** A session over clients the caller owns and closes itself (tests pass an in-memory cloud this way). */
    static CloudSession of(AwsClients clients, DataPlane dataPlane, Clock clock) {
        return of(clients, dataPlane, clock, () -> { });
    }

    /** The same, running {@code onClose} when it is closed. */
    static CloudSession of(AwsClients clients, DataPlane dataPlane, Clock clock, Runnable onClose) {
        return new CloudSession() {
            @Override
            public AwsClients clients() {
                return clients;
            }

            @Override
            public DataPlane dataPlane() {
                return dataPlane;
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public void close() {
                onClose.run();
            }
        };
    }
}
