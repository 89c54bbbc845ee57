package dr.regions.readiness;

import java.util.Locale;

/**
 * What one finding means for failover: {@link #OK}; {@link #WARN}, worth a look but the DR side can still take over
 * (e.g. a problem in the primary region, which failover exists for); {@link #FAIL}, DR cannot take over as it is.
 */
public enum Verdict {
    OK, WARN, FAIL;

    /** {@code ok}, {@code warn}, {@code fail}: how tables and JSON show it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
