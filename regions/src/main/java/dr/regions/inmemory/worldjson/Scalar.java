package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The world's leaf values, written as databind wrote them: strings, booleans, numbers, and instants as ISO-8601
 * text ({@code 2026-01-01T00:35:12.500Z}).
 */
enum Scalar implements Shape {
    STRING("a string"),
    BOOLEAN("true or false"),
    INT("an integer"),
    LONG("an integer"),
    DOUBLE("a number"),
    INSTANT("an ISO-8601 instant");

    private final String expected;

    Scalar(String expected) {
        this.expected = expected;
    }

    @Override
    public Object read(JsonParser in) throws IOException {
        JsonToken token = in.currentToken();
        if (!fits(token)) {
            throw Mismatch.expected(in, expected);
        }
        switch (this) {
            case STRING:
                return in.getText();
            case BOOLEAN:
                return token == JsonToken.VALUE_TRUE;
            case INT:
                return in.getIntValue();
            case LONG:
                return in.getLongValue();
            case DOUBLE:
                return in.getDoubleValue();
            default:
                try {
                    return IsoInstant.parse(in.getText());
                } catch (DateTimeParseException e) {
                    throw Mismatch.expected(in, expected + " (" + e.getMessage() + ")");
                }
        }
    }

    private boolean fits(JsonToken token) {
        switch (this) {
            case STRING:
            case INSTANT:
                return token == JsonToken.VALUE_STRING;
            case BOOLEAN:
                return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
            case DOUBLE:
                return token.isNumeric();
            default:
                return token == JsonToken.VALUE_NUMBER_INT;
        }
    }

    @Override
    public void write(JsonGenerator out, Object value) throws IOException {
        switch (this) {
            case STRING:
                out.writeString((String) value);
                break;
            case BOOLEAN:
                out.writeBoolean((Boolean) value);
                break;
            case INT:
                out.writeNumber((Integer) value);
                break;
            case LONG:
                out.writeNumber((Long) value);
                break;
            case DOUBLE:
                out.writeNumber((Double) value);
                break;
            default:
                out.writeString(IsoInstant.format((Instant) value));
        }
    }

    /** The value a primitive field takes when the file says {@code null}, as databind did; null for boxed types. */
    static Object zeroOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }
}
