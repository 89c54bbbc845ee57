package dr.regions.inmemory;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dr.core.engine.PrivateFiles;
import dr.regions.inmemory.world.World;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Loads and saves the sandbox: the whole {@link World}, clock included, as one JSON file, so that
 * {@code provision}, {@code status}, {@code failover drill} ... can run one after another. Not indented: a command
 * saves it after every change it makes, and indenting made each save larger and slower.
 */
public final class SandboxStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Every saved world has its modeled time; nothing else is a sandbox. */
    private static final String SAVED_CLOCK = "now";

    private final Path file;

    public SandboxStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * The saved world, or a new sandbox account when the file does not exist yet.
     *
     * @throws NotASandbox when the file is JSON but holds no saved world ({@code null}, {@code {}}, a list ...):
     *                     taking it for an empty cloud would overwrite whatever it is
     */
    public World load() {
        if (!Files.exists(file)) {
            return SandboxAccount.create();
        }
        try {
            JsonNode saved = JSON.readTree(file.toFile());
            if (saved == null || !saved.isObject() || !saved.has(SAVED_CLOCK)) {
                throw new NotASandbox(file);
            }
            return JSON.treeToValue(saved, World.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A readable file that is not a saved sandbox. */
    public static final class NotASandbox extends RuntimeException {
        NotASandbox(Path file) {
            super("sandbox file " + file + " holds no saved sandbox (no '" + SAVED_CLOCK + "' field)");
        }
    }

    /**
     * Writes atomically: the world goes to {@link #unfinishedSave()} beside the file, then is moved over it in one
     * step, so a process killed mid-save leaves the previous file intact (and at most that one temporary file, which
     * the next save overwrites and {@link #discardUnfinishedSave()} removes). Saves are one at a time, each a
     * snapshot taken under the world's lock: a later save never carries an older world.
     */
    public synchronized void save(World world) {
        Path temp = unfinishedSave();
        try {
            Files.createDirectories(temp.getParent());
            try (OutputStream out = Channels.newOutputStream(Files.newByteChannel(temp, Set.of(
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                    PrivateFiles.attributes()))) {
                synchronized (world) {
                    JSON.writeValue(out, world);
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            discardUnfinishedSave();
            throw new UncheckedIOException("cannot write sandbox file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where a save writes before it moves the world over the file: beside it, so that the move is atomic. */
    public Path unfinishedSave() {
        Path absolute = file.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".saving");
    }

    /** Removes what a save killed midway left; only for the one process that holds the sandbox's lock. */
    public void discardUnfinishedSave() {
        try {
            Files.deleteIfExists(unfinishedSave());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + unfinishedSave() + ": " + e.getMessage(), e);
        }
    }

    /** The JSON form of a world, for round-trip tests. */
    public static String toJson(World world) {
        try {
            return JSON.writeValueAsString(world);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static World fromJson(String json) {
        try {
            return JSON.readValue(json, World.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
