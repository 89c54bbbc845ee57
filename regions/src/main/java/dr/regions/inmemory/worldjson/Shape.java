package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/** How one Java type of the world is written as JSON and read back. */
interface Shape {
    /** Reads the value at the parser's current token (never {@code null}: JSON null is handled by the caller). */
    Object read(JsonParser in) throws IOException;

    /** Writes a non-null value. */
    void write(JsonGenerator out, Object value) throws IOException;
}
