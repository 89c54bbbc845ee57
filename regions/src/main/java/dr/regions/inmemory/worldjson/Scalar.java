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
    STRING {
        @Override
        public Object read(JsonParser in) throws IOException {
            if (in.currentToken() != JsonToken.VALUE_STRING) {
                throw Mismatch.expected(in, "a string");
            }
            return in.getText();
        }

        @Override
        public void write(JsonGenerator out, Object value) throws IOException {
            out.writeString((String) value);
        }
    },
    BOOLEAN {
        @Override
        public Object read(JsonParser in) throws IOException {
            JsonToken token = in.currentToken();
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw Mismatch.expected(in, "true or false");
            }
            return token == JsonToken.VALUE_TRUE;
        }

        @Override
        public void write(JsonGenerator out, Object value) throws IOException {
            out.writeBoolean((Boolean) value);
        }
    },
    INT {
        @Override
        public Object read(JsonParser in) throws IOException {
            requireInteger(in);
            return in.getIntValue();
        }

        @Override
        public void write(JsonGenerator out, Object value) throws IOException {
            out.writeNumber((Integer) value);
        }
    },
    LONG {
        @Override
        public Object read(JsonParser in) throws IOException {
            requireInteger(in);
            return in.getLongValue();
        }

        @Override
        public void write(JsonGenerator out, Object value) throws IOException {
            out.writeNumber((Long) value);
        }
    },
    DOUBLE {
        @Override
        public Object read(JsonParser in) throws IOException {
            if (!in.currentToken().isNumeric()) {
                throw Mismatch.expected(in, "a number");
            }
            return in.getDoubleValue();
        }

        @Override
        public void write(JsonGenerator out, Object value) throws IOException {
            out.writeNumber((Double) value);
        }
    },
    INSTANT {
        @Override
        public Object read(JsonParser in) throws IOException {
            if (in.currentToken() != JsonToken.VALUE_STRING) {
                throw Mismatch.expected(in, "an ISO-8601 instant");
            }
            try {
                return IsoInstant.parse(in.getText());
            } catch (DateTimeParseException e) {
                throw Mismatch.expected(in, "an ISO-8601 instant (" + e.getMessage() + ")");
            }
        }

        @Override
        public void write(JsonGenerator out, Object value) throws IOException {
            out.writeString(IsoInstant.format((Instant) value));
        }
    };

    private static void requireInteger(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw Mismatch.expected(in, "an integer");
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
