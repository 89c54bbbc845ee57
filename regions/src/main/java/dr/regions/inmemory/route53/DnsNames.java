package dr.regions.inmemory.route53;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/** DNS name handling as Route 53 does it: case-insensitive, absolute (trailing dot), listed labels-reversed. */
public final class DnsNames {
    private static final Pattern LABEL = Pattern.compile("(\\*|[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)");

    /** Orders names the way ListResourceRecordSets and ListHostedZonesByName do: by reversed labels. */
    public static final Comparator<String> ORDER = DnsNames::compare;

    private DnsNames() {
    }

    /** {@code Api.Example.com} → {@code api.example.com.}; Route 53 also accepts the octal escape for '*'. */
    public static String absolute(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT).replace("\\052", "*");
        return lower.endsWith(".") ? lower : lower + ".";
    }

    /** Without the trailing dot, for comparing with names other services return (ALB DNS names). */
    public static String relative(String name) {
        String absolute = absolute(name);
        return absolute.substring(0, absolute.length() - 1);
    }

    public static boolean isValid(String name) {
        String relative = relative(name);
        if (relative.isEmpty() || relative.length() > 253) {
            return false;
        }
        for (String label : relative.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code name} is {@code zone} itself or lies below it. */
    public static boolean within(String name, String zone) {
        String n = absolute(name);
        String z = absolute(zone);
        return n.equals(z) || n.endsWith("." + z);
    }

    private static int compare(String a, String b) {
        String[] left = relative(a).split("\\.");
        String[] right = relative(b).split("\\.");
        int i = left.length - 1;
        int j = right.length - 1;
        while (i >= 0 && j >= 0) {
            int c = left[i].compareTo(right[j]);
            if (c != 0) {
                return c;
            }
            i--;
            j--;
        }
        return Integer.compare(left.length, right.length);
    }
}
