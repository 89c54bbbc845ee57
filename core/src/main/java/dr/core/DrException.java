package dr.core;

/** The one exception type commands throw to end with a given exit code and a one-line message. */
public class DrException extends RuntimeException {
    private final ExitCode exitCode;

    public DrException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public DrException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static DrException badInput(String message) {
        return new DrException(ExitCode.BAD_INPUT, message);
    }

    public static DrException failed(String message) {
        return new DrException(ExitCode.FAILED, message);
    }

    public static DrException notReady(String message) {
        return new DrException(ExitCode.NOT_READY, message);
    }
}
