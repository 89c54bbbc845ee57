package dr.regions.inmemory.ec2;

import dr.regions.inmemory.world.Wildcards;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * EC2 {@code Filters}: all filters must match (AND), any value of one filter may match (OR); values may use the
 * {@code *} and {@code ?} wildcards. {@code tag:KEY}, {@code tag-key} and {@code tag-value} work on every
 * taggable resource; any other name must be one the operation supports, as EC2 rejects unknown filter names.
 */
final class Ec2Filter {
    private final List<Filter> filters;

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

    private static boolean anyMatches(List<String> patterns, Collection<String> actual) {
        for (String pattern : patterns) {
            Pattern regex = Wildcards.compile(pattern, Pattern.DOTALL);
            for (String value : actual) {
                if (value != null && regex.matcher(value).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
