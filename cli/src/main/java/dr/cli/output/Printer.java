package dr.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dr.cli.runtime.CommandContext;
import dr.core.engine.ProgressListener;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Where a command's output goes: with {@code --output json}, exactly one JSON document on stdout and nothing
 * else; in text mode the result on stdout and live progress on stderr (redrawn on a terminal, one line per
 * event otherwise), so {@code dr provision > summary.txt} still shows progress.
 */
public final class Printer {
    /** Fields without a value are left out, not written as {@code null}: a script tests for the field. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonNodeFeature.WRITE_NULL_PROPERTIES, false);

    private Printer() {
    }

    /**
     * The command's JSON result: held until the command has finished (the sandbox saved, the lock released), so a
     * failure while finishing is folded into this one document rather than printed as a second one.
     */
    public static void json(CommandContext context, JsonNode document) {
        context.holdResult(document);
    }

    /** The command's result: {@code document} with {@code --output json}, else what {@code text} prints. */
    public static void result(CommandContext context, java.util.function.Supplier<? extends JsonNode> document,
                              java.util.function.Consumer<PrintWriter> text) {
        if (context.output().json()) {
            json(context, document.get());
        } else {
            text.accept(context.out());
        }
    }

    /** Prints a held result, once the command has finished. */
    public static void print(PrintWriter out, JsonNode document) {
        out.println(render(document));
        out.flush();
    }

    public static String render(JsonNode document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Text that is itself the command's output (a script, a diagram): as is, or with {@code --output json} as the
     * {@code text} field of {@code document}, so that stdout stays one JSON document.
     */
    public static void text(CommandContext context, String text, ObjectNode document) {
        if (context.output().json()) {
            json(context, document.put("text", text));
        } else {
            context.out().print(text);
        }
    }

    public static ProgressListener progress(CommandContext context) {
        return context.progress();
    }
}
