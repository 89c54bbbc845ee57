package dr.regions.inmemory.world;

import java.util.regex.Pattern;

/**
 * The wildcard patterns AWS matches names with (EC2 filter values, ALB path and host conditions, CloudFront path
 * patterns): {@code *} any run of characters, {@code ?} exactly one, everything else literally.
 */
public final class Wildcards {
    private Wildcards() {
    }

    /** {@code pattern} as a regex, compiled with {@code flags} (e.g. {@link Pattern#CASE_INSENSITIVE}). */
    public static Pattern compile(String pattern, int flags) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), flags);
    }
}
