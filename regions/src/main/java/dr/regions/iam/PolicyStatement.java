package dr.regions.iam;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One {@code Allow} statement: its Sid (letters and digits only, as IAM requires), sorted actions, the resources
 * ({@code *} unless an action can be narrowed) and an optional Condition block, kept as the JSON it is.
 */
public record PolicyStatement(String sid, SortedSet<String> actions, List<String> resources, ObjectNode condition) {
    public static final String ANY_RESOURCE = "*";

    public PolicyStatement {
        if (sid == null || !sid.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("a Sid holds letters and digits only: '" + sid + "'");
        }
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException(sid + " needs at least one action and one resource");
        }
        actions = Collections.unmodifiableSortedSet(new TreeSet<>(actions));
        resources = List.copyOf(resources);
        condition = condition == null || condition.isEmpty() ? null : condition.deepCopy();
    }

    /** Granted on {@code *} with no condition: nothing narrows it. */
    public boolean unrestricted() {
        return condition == null && resources.equals(List.of(ANY_RESOURCE));
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("Sid", sid);
        json.put("Effect", "Allow");
        var action = json.putArray("Action");
        actions.forEach(action::add);
        if (resources.size() == 1) {
            json.put("Resource", resources.get(0));
        } else {
            var resource = json.putArray("Resource");
            resources.forEach(resource::add);
        }
        if (condition != null) {
            json.set("Condition", condition.deepCopy());
        }
        return json;
    }
}
