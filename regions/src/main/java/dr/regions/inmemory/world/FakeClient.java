package dr.regions.inmemory.world;

import software.amazon.awssdk.core.SdkClient;

/**
 * What every fake SDK client shares: its service's name, and nothing to close (a fake holds no connection; the
 * world it talks to outlives it).
 */
public abstract class FakeClient implements SdkClient {
    private final String serviceName;

    protected FakeClient(String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public final String serviceName() {
        return serviceName;
    }

    @Override
    public final void close() {
    }
}
