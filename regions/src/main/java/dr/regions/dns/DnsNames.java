package dr.regions.dns;

import java.util.Locale;

/** The one rule for comparing DNS names as Route 53 and resolvers write them. */
public final class DnsNames {
    private DnsNames() {
    }

    /**
     * The name in the form to compare: lower case, without surrounding blanks, the trailing dot or the
     * {@code dualstack.} prefix Route 53 puts on alias targets ({@code dualstack.X.elb.amazonaws.com.} and
     * {@code x.elb.amazonaws.com} are the same name); {@code ""} for none.
     */
    public static String bare(String name) {
        if (name == null) {
            return "";
        }
        String lower = name.toLowerCase(Locale.ROOT).strip();
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        return lower.startsWith("dualstack.") ? lower.substring("dualstack.".length()) : lower;
    }
}
