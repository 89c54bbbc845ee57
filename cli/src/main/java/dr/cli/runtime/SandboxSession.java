package dr.cli.runtime;

import dr.core.DrException;
import dr.core.clock.Clock;
import dr.regions.aws.AwsClients;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.World;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code --sandbox}: the in-memory cloud loaded from its file, on the world's modeled clock, saved back when the
 * command ends, whether it succeeded or not (like real AWS, what was created stays created).
 */
public final class SandboxSession implements CloudSession {
    private final SandboxStore store;
    private final World world;
    private final InMemoryCloud cloud;

    private SandboxSession(SandboxStore store, World world) {
        this.store = store;
        this.world = world;
        this.cloud = new InMemoryCloud(world);
    }

    public static SandboxSession open(Path file) {
        SandboxStore store = new SandboxStore(file);
        try {
            return new SandboxSession(store, store.load());
        } catch (UncheckedIOException e) {
            throw DrException.badInput("sandbox file " + file + " cannot be read (" + e.getCause().getMessage()
                    .lines().findFirst().orElse("unknown error") + "); delete it to start a new sandbox");
        }
    }

    public World world() {
        return world;
    }

    @Override
    public AwsClients clients() {
        return cloud;
    }

    @Override
    public Clock clock() {
        return world.clock();
    }

    @Override
    public void close() {
        try {
            store.save(world);
        } catch (UncheckedIOException e) {
            throw DrException.failed(e.getMessage());
        }
    }
}
