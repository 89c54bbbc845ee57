package dr.regions.lock;

import java.util.Locale;

/**
 * Who runs a command: {@code user@host}, the process id, and a random id for this run (so that two runs of one user
 * on one host are told apart). Characters that a TXT string or the record's format could not carry (among them {@code @}, {@code ;} and quotes) are dropped.
 */
public record LockHolder(String user, String host, long pid, String runId) {
    public LockHolder {
        user = clean(user, "unknown", 32);
        host = clean(host, "unknown", 64).toLowerCase(Locale.ROOT);
        runId = clean(runId, "unknown", 36);
    }

    /** {@code alice@laptop (pid 4242)}. */
    public String describe() {
        return user + "@" + host + " (pid " + pid + ")";
    }

    /** Kept short: a TXT string holds at most 255 characters (RFC 1035 section 3.3.14). */
    static String clean(String value, String fallback, int maxLength) {
        String kept = value == null ? "" : value.replaceAll("[^A-Za-z0-9._+-]", "");
        kept = kept.length() > maxLength ? kept.substring(0, maxLength) : kept;
        return kept.isEmpty() ? fallback : kept;
    }
}
