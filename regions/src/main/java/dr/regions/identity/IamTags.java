package dr.regions.identity;

import software.amazon.awssdk.services.iam.model.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Which of an IAM resource's wanted tags it lacks or holds with another value (the list itself: {@code AwsTags.iam}). */
final class IamTags {
    private IamTags() {
    }

    static Map<String, String> toMap(List<Tag> tags) {
        Map<String, String> values = new HashMap<>();
        tags.forEach(t -> values.put(t.key(), t.value()));
        return values;
    }

    private static List<Tag> missing(List<Tag> wanted, List<Tag> present) {
        Map<String, String> values = toMap(present);
        return wanted.stream().filter(t -> !t.value().equals(values.get(t.key()))).toList();
    }

    /** Hands {@link #missing} to {@code tag} (the resource's Tag call) when there are any; true when it did. */
    static boolean addMissing(List<Tag> wanted, List<Tag> present, Consumer<List<Tag>> tag) {
        List<Tag> missing = missing(wanted, present);
        if (missing.isEmpty()) {
            return false;
        }
        tag.accept(missing);
        return true;
    }
}
