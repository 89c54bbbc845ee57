package dr.regions.inmemory.iam;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The constraints IAM's API reference gives the names, paths and tags dr sends: role names 1-64 characters and
 * instance profile names 1-128 of {@code [\w+=,.@-]}; paths {@code /} or {@code /.../} of printable ASCII, up to 512;
 * at most 50 tags, keys up to 128 and values up to 256 characters (IAM API Reference, CreateRole, CreateInstanceProfile,
 * Tag). A violation is the query protocol's ValidationError.
 */
final class IamNames {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("(/)|(/[\\u0021-\\u007E]+/)");
    static final int MAX_TAGS = 50;

    private IamNames() {
    }

    static String name(String value, String field, int max) {
        if (value == null || value.isEmpty() || value.length() > max) {
            throw IamErrors.validation(String.valueOf(value), field,
                    "Member must have length less than or equal to " + max);
        }
        if (!NAME.matcher(value).matches()) {
            throw IamErrors.validation(value, field, "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
        return value;
    }

    static String path(String value) {
        if (value == null) {
            return "/";
        }
        if (value.length() > 512 || !PATH.matcher(value).matches()) {
            throw IamErrors.validation(value, "path",
                    "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
        }
        return value;
    }

    static Map<String, String> tags(Map<String, String> existing, Map<String, String> added) {
        for (Map.Entry<String, String> tag : added.entrySet()) {
            if (tag.getKey().isEmpty() || tag.getKey().length() > 128) {
                throw IamErrors.validation(tag.getKey(), "tags.member.key",
                        "Member must have length less than or equal to 128");
            }
            if (tag.getValue() == null || tag.getValue().length() > 256) {
                throw IamErrors.validation(String.valueOf(tag.getValue()), "tags.member.value",
                        "Member must have length less than or equal to 256");
            }
        }
        Map<String, String> merged = new TreeMap<>(existing);
        merged.putAll(added);
        if (merged.size() > MAX_TAGS) {
            throw IamErrors.limitExceeded("The number of tags has reached the maximum limit.");
        }
        return merged;
    }
}
