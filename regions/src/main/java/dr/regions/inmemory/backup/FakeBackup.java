package dr.regions.inmemory.backup;

import dr.regions.inmemory.World;
import software.amazon.awssdk.services.backup.BackupClient;

/** The in-memory Backup service. Operations dr does not use keep the SDK's default: they throw. */
public final class FakeBackup implements BackupClient {
    private final World world;
    private final String region;
    private final BackupState state;

    public FakeBackup(World world, String region) {
        this.world = world;
        this.region = region;
        this.state = world.region(region).backup;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
