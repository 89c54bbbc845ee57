package dr.runbooks.step;

import java.io.Console;

/** The operator's terminal, for questions such as "Continue? [y/N]"; injectable so tests can answer. */
public interface Terminal {
    /** True when someone can answer: the process runs on a terminal. */
    boolean interactive();

    /** Shows {@code prompt} and reads one line; null at end of input. Only called when {@link #interactive}. */
    String readLine(String prompt);

    /**
     * The process's own terminal ({@link System#console()}); not interactive when there is none, e.g. in CI or when
     * output is redirected (on Java 17 the console exists only when both standard input and output are a terminal).
     */
    static Terminal system() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return System.console() != null;
            }

            @Override
            public String readLine(String prompt) {
                Console console = System.console();
                return console == null ? null : console.readLine("%s", prompt);
            }
        };
    }

    /** No terminal: nobody can answer. */
    static Terminal none() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public String readLine(String prompt) {
                return null;
            }
        };
    }

    /** "y" or "yes", any case: the only answers that approve. */
    static boolean isYes(String answer) {
        if (answer == null) {
            return false;
        }
        String word = answer.strip().toLowerCase(java.util.Locale.ROOT);
        return word.equals("y") || word.equals("yes");
    }
}
