package dr.cli.runtime;

import dr.core.DrException;
import dr.core.clock.Clock;
import dr.core.engine.PrivateFiles;
import dr.regions.aws.AwsClients;
import dr.regions.dataplane.DataPlane;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.world.World;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * {@code --sandbox}: the in-memory cloud loaded from its file, on the world's modeled clock. A command that
 * changes the cloud holds the file's lock for its whole run (a second such command on the same file is refused
 * rather than losing the first one's work on save) and saves the world after every call the cloud accepted, as
 * durable as AWS once it answered: a command killed at any point leaves the file with every change made until then,
 * so crash tests in the sandbox mean what they would on AWS. It saves once more when it ends, whether it succeeded or
 * not, for the modeled time its waits took. A read-only command ({@code status}, {@code graph},
 * {@code --dry-run}) neither locks, nor creates, nor rewrites the file.
 */
public final class SandboxSession implements CloudSession {
    private final SandboxStore store;
    private final World world;
    private final InMemoryCloud cloud;
    private final Optional<FileLock> lock;
    private final LongConsumer saveAfterEachChange = this::saveUpTo;
    private final Object saving = new Object();
    /** The number of the last change the file holds; guarded by {@link #saving}. */
    private long saved;

    private SandboxSession(SandboxStore store, World world, Optional<FileLock> lock) {
        this.store = store;
        this.world = world;
        this.cloud = new InMemoryCloud(world);
        this.lock = lock;
        if (lock.isPresent()) {
            store.discardUnfinishedSave();
            world.addChangeListener(saveAfterEachChange);
        }
    }

    /** For a command that changes the cloud: checks the file can be written and locks it, before anything runs. */
    public static SandboxSession open(Path file) {
        return open(file, false);
    }

    public static SandboxSession open(Path file, boolean readOnly) {
        SandboxStore store = new SandboxStore(file);
        Optional<FileLock> lock = readOnly ? Optional.empty() : Optional.of(lockForChanges(file));
        try {
            return new SandboxSession(store, load(store, file), lock);
        } catch (RuntimeException e) {
            lock.ifPresent(SandboxSession::release);
            throw e;
        }
    }

    private static World load(SandboxStore store, Path file) {
        try {
            return store.load();
        } catch (SandboxStore.NotASandbox e) {
            throw DrException.badInput(e.getMessage() + "; nothing was changed: give another --sandbox=FILE, "
                    + "or move this file aside to start a new sandbox");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof AccessDeniedException) {
                throw DrException.badInput("sandbox file " + file + " cannot be read: permission denied");
            }
            throw DrException.badInput("sandbox file " + file + " cannot be read (" + e.getCause().getMessage()
                    .lines().findFirst().orElse("unknown error") + "); nothing was changed: fix it, or move it "
                    + "aside to start a new sandbox");
        }
    }

    /**
     * The lock lives in {@code <file>.lock}, never deleted (deleting a lock file lets two runs lock two different
     * files). Checking that the state can be written here, first, means a provision cannot run to its end only to
     * find it cannot save what it built.
     */
    private static FileLock lockForChanges(Path file) {
        Path absolute = file.toAbsolutePath();
        Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(absolute.getParent());
            if (Files.exists(absolute) && !Files.isWritable(absolute)) {
                throw new AccessDeniedException(absolute.toString());
            }
            channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PrivateFiles.attributes());
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(file);
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw inUse(file);
        } catch (IOException e) {
            close(channel);
            String reason = e instanceof AccessDeniedException ? "permission denied" : e.toString();
            throw DrException.badInput("sandbox file " + file + " cannot be written (" + reason + "); nothing was "
                    + "done: check the file's and its folder's permissions, or give another --sandbox=FILE");
        } catch (DrException e) {
            close(channel);
            throw e;
        }
    }

    private static DrException inUse(Path file) {
        return DrException.failed("sandbox file " + file + " is in use by another dr command that changes it; run "
                + "this one when that has finished");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel; nothing else to undo
            }
        }
    }

    private static void release(FileLock lock) {
        close(lock.channel());
    }

    public World world() {
        return world;
    }

    @Override
    public AwsClients clients() {
        return cloud;
    }

    @Override
    public DataPlane dataPlane() {
        return cloud.dataPlane();
    }

    @Override
    public Clock clock() {
        return world.clock();
    }

    /**
     * Returns once the file holds change number {@code change}: saves now, unless a save made meanwhile for a call on
     * another thread already holds it (a save is a snapshot of the whole world, so it holds every change before it).
     */
    private void saveUpTo(long change) {
        synchronized (saving) {
            if (saved >= change) {
                return;
            }
            long holds = world.changes();
            save();
            saved = holds;
        }
    }

    /** Saves the world now: after the calls the cloud accepted, and when the command ends (its modeled time). */
    private void save() {
        try {
            store.save(world);
        } catch (UncheckedIOException e) {
            throw DrException.failed(e.getMessage());
        }
    }

    @Override
    public void close() {
        if (lock.isEmpty()) {
            return;
        }
        try {
            world.removeChangeListener(saveAfterEachChange);
            save();
        } finally {
            release(lock.get());
        }
    }
}
