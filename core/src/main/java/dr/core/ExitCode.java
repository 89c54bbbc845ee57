package dr.core;

/** Every exit code dr uses, in one place. */
public enum ExitCode {
    OK(0),
    /** The operation was attempted and failed (an AWS error, a step that could not finish). */
    FAILED(1),
    /** Bad input or usage; always detected before any AWS call. */
    BAD_INPUT(2),
    /** Not ready for failover (status), or a drill target missed. */
    NOT_READY(3),
    /** A bug in dr. */
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
