package dr.regions.inmemory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dr.core.engine.PrivateFiles;
import dr.regions.inmemory.world.World;
import dr.regions.inmemory.worldjson.WorldJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Loads and saves the sandbox: the whole {@link World}, clock included, as one JSON file, so that
 * {@code provision}, {@code status}, {@code failover drill} ... can run one after another. Not indented: a command
 * saves it after every change it makes, and indenting made each save larger and slower. The JSON is {@link WorldJson}'s.
 */
public final class SandboxStore {
    private static final JsonFactory JSON = new JsonFactory();

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
        World world;
        try (InputStream bytes = Files.newInputStream(file); JsonParser in = JSON.createParser(bytes)) {
            world = WorldJson.read(in);
        } catch (JsonProcessingException e) {
            if (isJsonWithoutClock()) {
                throw new NotASandbox(file);
            }
            throw unreadable(e);
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (world == null) {
            throw new NotASandbox(file);
        }
        return world;
    }

    private UncheckedIOException unreadable(IOException e) {
        return new UncheckedIOException("cannot read sandbox file " + file + ": " + e.getMessage(), e);
    }

    /**
     * Whether the file is well-formed JSON with no top-level {@code now}: some other document, which a load that
     * failed on its contents takes for no sandbox rather than for a damaged one.
     */
    private boolean isJsonWithoutClock() {
        try (InputStream bytes = Files.newInputStream(file); JsonParser in = JSON.createParser(bytes)) {
            boolean clocked = false;
            if (in.nextToken() == JsonToken.START_OBJECT) {
                String name;
                while ((name = in.nextFieldName()) != null) {
                    clocked |= WorldJson.CLOCK.equals(name);
                    in.nextToken();
                    in.skipChildren();
                }
            } else {
                in.skipChildren();
            }
            return !clocked;
        } catch (IOException e) {
            return false;
        }
    }

    /** A readable file that is not a saved sandbox. */
    public static final class NotASandbox extends RuntimeException {
        NotASandbox(Path file) {
            super("sandbox file " + file + " holds no saved sandbox (no '" + WorldJson.CLOCK + "' field)");
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
                    PrivateFiles.attributes())); JsonGenerator json = JSON.createGenerator(out)) {
                synchronized (world) {
                    WorldJson.write(world, json);
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
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            synchronized (world) {
                WorldJson.write(world, json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The world of {@link #toJson}'s JSON, for tests. */
    public static World fromJson(String json) {
        World world;
        try (JsonParser in = JSON.createParser(json)) {
            world = WorldJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (world == null) {
            throw new IllegalArgumentException("the JSON holds no saved world (no '" + WorldJson.CLOCK + "' field)");
        }
        return world;
    }
}
