package dr.cli;

import java.io.PrintWriter;

/** Entry point: {@code System.exit(run(...))}; tests call {@link #run} to capture output. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        err.println("dr: not built yet");
        return 1;
    }
}
