package dr.cli;

import java.util.Arrays;

/** Command lines for tests: a command's fixed arguments followed by a test's own. */
final class Arguments {
    private Arguments() {
    }

    /** The arguments of {@code parts}, in order. */
    static String[] join(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
