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
        return switch (this) {
            case STRING -> in.getText();
            case BOOLEAN -> token == JsonToken.VALUE_TRUE;
            case INT -> in.getIntValue();
            case LONG -> in.getLongValue();
            case DOUBLE -> in.getDoubleValue();
            case INSTANT -> instant(in);
        };
    }

    private boolean fits(JsonToken token) {
        return switch (this) {
            case STRING, INSTANT -> token == JsonToken.VALUE_STRING;
            case BOOLEAN -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
            case INT, LONG -> token == JsonToken.VALUE_NUMBER_INT;
            case DOUBLE -> token.isNumeric();
        };
    }

    private Instant instant(JsonParser in) throws IOException {
        try {
            return IsoInstant.parse(in.getText());
        } catch (DateTimeParseException e) {
            throw Mismatch.expected(in, expected + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public void write(JsonGenerator out, Object value) throws IOException {
        switch (this) {
            case STRING -> out.writeString((String) value);
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case INT -> out.writeNumber((Integer) value);
            case LONG -> out.writeNumber((Long) value);
            case DOUBLE -> out.writeNumber((Double) value);
            case INSTANT -> out.writeString(IsoInstant.format((Instant) value));
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
