package dr.regions.inmemory.world;

/**
 * The message AWS's request validation answers with when a member breaks its modeled constraint, the same across
 * services: "1 validation error detected: Value 'x' at 'member' failed to satisfy constraint: ...". Each service
 * wraps it in its own error code (ValidationError, ValidationException, InvalidInput...).
 */
public final class ValidationMessage {
    private ValidationMessage() {
    }

    /** {@code value} is quoted; a null one (a missing member) is shown as {@code null}. */
    public static String of(String member, Object value, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return "1 validation error detected: Value " + shown + " at '" + member + "' failed to satisfy constraint: "
                + constraint;
    }

    /** A required member that is absent. */
    public static String missing(String member) {
        return of(member, null, "Member must not be null");
    }
}
