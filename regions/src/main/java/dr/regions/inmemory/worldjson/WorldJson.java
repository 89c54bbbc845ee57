package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dr.regions.inmemory.world.World;

import java.io.IOException;
import java.time.Instant;

/**
 * The sandbox file's JSON: the {@link World}'s public fields, all the way down, and its modeled time as {@code now}.
 * The same JSON databind made of it (field names, nulls left out, instants as ISO-8601 text, unknown names ignored),
 * written and read through jackson-core's streaming parser and generator by the few rules of {@link Shapes}, made
 * once per process: databind's per-type introspection was most of a short command's time.
 */
public final class WorldJson {
    /** Every saved world has its modeled time; nothing else is a sandbox. */
    public static final String CLOCK = "now";

    private static final ObjectShape WORLD = new Shapes().object(World.class);

    private WorldJson() {
    }

    /** Writes the world as one JSON object, {@code now} last (where databind put it). */
    public static void write(World world, JsonGenerator out) throws IOException {
        out.writeStartObject();
        WORLD.writeProperties(out, world);
        out.writeFieldName(CLOCK);
        Scalar.INSTANT.write(out, world.time());
        out.writeEndObject();
    }

    /**
     * Reads the world at the parser's next token, or returns null when the JSON there holds none: not an object, or
     * an object without {@code now}.
     */
    public static World read(JsonParser in) throws IOException {
        if (in.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        World world = (World) WORLD.newInstance();
        boolean clocked = false;
        String name;
        while ((name = in.nextFieldName()) != null) {
            in.nextToken();
            if (CLOCK.equals(name)) {
                world.clock().set((Instant) Scalar.INSTANT.read(in));
                clocked = true;
            } else {
                WORLD.readProperty(in, world, name);
            }
        }
        return clocked ? world : null;
    }
}
