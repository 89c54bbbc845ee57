package dr.cli.bench;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The baseline for startup: a class that prints one line, compiled into a scratch folder with javax.tools. */
final class BareJvm {
    private static final String SOURCE = "public class Hello { public static void main(String[] args) { "
            + "System.out.println(\"hello\"); } }";

    private BareJvm() {
    }

    /** The arguments (after {@code java}) that run it. */
    static List<String> compile(Path scratch) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home") + ": run the "
                    + "benchmarks on a JDK");
        }
        try {
            Path classes = Files.createDirectories(scratch.resolve("hello"));
            Path source = Files.writeString(classes.resolve("Hello.java"), SOURCE);
            int code = compiler.run(null, null, null, "-d", classes.toString(), source.toString());
            if (code != 0) {
                throw new IllegalStateException("compiling Hello.java failed (" + code + ")");
            }
            return List.of("-cp", classes.toString(), "Hello");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
