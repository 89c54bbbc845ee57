package dr.regions.inmemory;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dr.regions.inmemory.world.World;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads and saves the sandbox: the whole {@link World}, clock included, as one JSON file, so that
 * {@code provision}, {@code status}, {@code failover drill} ... can run one after another.
 */
public final class SandboxStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
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

    /** Writes atomically: a crash mid-save leaves the previous file intact. */
    public void save(World world) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".sandbox", ".tmp");
            try {
                synchronized (world) {
                    JSON.writeValue(temp.toFile(), world);
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sandbox file " + file + ": " + e.getMessage(), e);
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
