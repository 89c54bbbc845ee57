package dr.regions.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the lock record says: who holds the lock, for which command, since when, and until when its lease runs (a live
 * run renews it). Stored as one TXT string, {@code "v=1;holder=alice@laptop;pid=42;run=...;command=provision;
 * since=...;expires=..."}; a DELETE must repeat it exactly, so {@link #txtValue} is the only way it is written.
 */
public record LockInfo(LockHolder holder, String command, Instant since, Instant expires) {
    static final long TTL_SECONDS = 60;

    public LockInfo {
        command = command == null ? "unknown" : command.replaceAll("[\";\\\\]", "");
    }

    /** The TXT record value, quoted as Route 53 takes and answers it. */
    String txtValue() {
        return "\"v=1;holder=" + holder.user() + "@" + holder.host() + ";pid=" + holder.pid() + ";run="
                + holder.runId() + ";command=" + command + ";since=" + since + ";expires=" + expires + "\"";
    }

    /** The record as written by dr, or empty when the value is not one (then it is shown raw, never deleted blind). */
    static Optional<LockInfo> parse(String txtValue) {
        if (txtValue == null || !txtValue.startsWith("\"v=1;") || !txtValue.endsWith("\"")) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : txtValue.substring(1, txtValue.length() - 1).split(";")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                fields.put(field.substring(0, equals), field.substring(equals + 1));
            }
        }
        try {
            String who = fields.get("holder");
            int at = who.lastIndexOf('@');
            LockHolder holder = new LockHolder(who.substring(0, at), who.substring(at + 1),
                    Long.parseLong(fields.get("pid")), fields.get("run"));
            return Optional.of(new LockInfo(holder, fields.get("command"), Instant.parse(fields.get("since")),
                    Instant.parse(fields.get("expires"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    LockInfo renewedUntil(Instant newExpiry) {
        return new LockInfo(holder, command, since, newExpiry);
    }

    /** {@code alice@laptop (pid 42) running 'provision' since 2026-01-01T00:00:00Z (lease until ...)}. */
    public String describe() {
        return holder.describe() + " running '" + command + "' since " + since + " (lease until " + expires + ")";
    }

    static LockInfo fresh(LockHolder holder, String command, Instant now, Duration lease) {
        return new LockInfo(holder, command, now, now.plus(lease));
    }
}
