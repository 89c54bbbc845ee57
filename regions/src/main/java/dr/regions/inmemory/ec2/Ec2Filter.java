package dr.regions.inmemory.ec2;

import dr.regions.inmemory.world.Wildcards;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * EC2 {@code Filters}: all filters must match (AND), any value of one filter may match (OR); values may use the
 * {@code *} and {@code ?} wildcards. {@code tag:KEY}, {@code tag-key} and {@code tag-value} work on every
 * taggable resource; any other name must be one the operation supports, as EC2 rejects unknown filter names.
 */
final class Ec2Filter {
    private final List<Filter> filters;
    /** Each value's matcher, made once per request rather than once per resource it is tried on. */
    private final Map<String, Predicate<String>> matchers = new HashMap<>();

    private Ec2Filter(List<Filter> filters) {
        this.filters = filters;
    }

    static Ec2Filter of(List<Filter> filters, Set<String> supported) {
        List<Filter> given = filters == null ? List.of() : filters;
        for (Filter filter : given) {
            String name = filter.name();
            if (name == null) {
                throw Ec2Errors.missing("Filter.Name");
            }
            boolean tagFilter = name.startsWith("tag:") || name.equals("tag-key") || name.equals("tag-value");
            if (!tagFilter && !supported.contains(name)) {
                throw Ec2Errors.invalidValue("The filter '" + name + "' is invalid");
            }
        }
        return new Ec2Filter(given);
    }

    boolean hasTagFilter() {
        return filters.stream().anyMatch(f -> f.name().startsWith("tag"));
    }

    /** {@code attributes} answers the values a resource has for a filter name (empty when it has none). */
    boolean matches(Map<String, String> tags, Function<String, Collection<String>> attributes) {
        for (Filter filter : filters) {
            String name = filter.name();
            Collection<String> actual;
            if (name.startsWith("tag:")) {
                String value = tags.get(name.substring(4));
                actual = value == null ? List.of() : List.of(value);
            } else if (name.equals("tag-key")) {
                actual = tags.keySet();
            } else if (name.equals("tag-value")) {
                actual = tags.values();
            } else {
                actual = attributes.apply(name);
            }
            if (actual == null || !anyMatches(filter.values(), actual)) {
                return false;
            }
        }
        return true;
    }

    private boolean anyMatches(List<String> patterns, Collection<String> actual) {
        for (String pattern : patterns) {
            Predicate<String> matcher = matchers.computeIfAbsent(pattern, Ec2Filter::matcher);
            for (String value : actual) {
                if (value != null && matcher.test(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A value without {@code *} or {@code ?} matches itself only: no regex needed. */
    private static Predicate<String> matcher(String pattern) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern::equals;
        }
        Pattern regex = Wildcards.compile(pattern, Pattern.DOTALL);
        return value -> regex.matcher(value).matches();
    }
}
