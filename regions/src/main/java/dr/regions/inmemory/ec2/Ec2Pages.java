package dr.regions.inmemory.ec2;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * MaxResults/NextToken paging as the EC2 Describe calls do it, so the SDK paginators work. The token is opaque
 * to callers; here it carries the offset of the next item.
 */
final class Ec2Pages {
    private static final String PREFIX = "ec2-page:";

    record Page<T>(List<T> items, String nextToken) {
    }

    private Ec2Pages() {
    }

    /** One page of {@code all}; without MaxResults EC2 returns everything at once. */
    static <T> Page<T> page(List<T> all, Integer maxResults, String nextToken, int min, int max) {
        int start = nextToken == null || nextToken.isEmpty() ? 0 : offset(nextToken);
        if (start > all.size()) {
            throw Ec2Errors.error("InvalidPaginationToken", "Invalid pagination token: " + nextToken);
        }
        if (maxResults == null) {
            return new Page<>(List.copyOf(all.subList(start, all.size())), null);
        }
        if (maxResults < min || maxResults > max) {
            throw Ec2Errors.invalidValue("Value (" + maxResults + ") for parameter maxResults is invalid. "
                    + "Expecting a value between " + min + " and " + max + ".");
        }
        int end = Math.min(all.size(), start + maxResults);
        String next = end < all.size() ? token(end) : null;
        return new Page<>(List.copyOf(all.subList(start, end)), next);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException(text);
            }
            return Integer.parseInt(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw Ec2Errors.error("InvalidPaginationToken", "Invalid pagination token: " + token);
        }
    }
}
