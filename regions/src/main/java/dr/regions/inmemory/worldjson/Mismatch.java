package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/** JSON that parses but does not fit the world's types: its message says what was expected and where. */
final class Mismatch {
    private Mismatch() {
    }

    static JsonParseException expected(JsonParser in, String what) {
        return new JsonParseException(in, "expected " + what + ", found " + in.currentToken());
    }
}
