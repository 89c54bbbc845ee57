package dr.cli.runtime;

import dr.core.clock.Clock;
import dr.core.clock.SystemClock;
import dr.regions.aws.AwsClients;
import dr.regions.aws.ClientSettings;
import dr.regions.aws.SdkAwsClients;
import dr.regions.dataplane.DataPlane;

/** Real AWS (or an emulator behind {@code --endpoint-url}) on the wall clock. Clients are built lazily. */
public final class AwsSession implements CloudSession {
    private final SdkAwsClients clients;
    private final Clock clock = new SystemClock();

    private AwsSession(SdkAwsClients clients) {
        this.clients = clients;
    }

    public static AwsSession open(Connection connection) {
        return new AwsSession(new SdkAwsClients(new ClientSettings(connection.profile(), connection.endpoint())));
    }

    @Override
    public AwsClients clients() {
        return clients;
    }

    @Override
    public DataPlane dataPlane() {
        return DataPlane.internet(clock);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        clients.close();
    }
}
