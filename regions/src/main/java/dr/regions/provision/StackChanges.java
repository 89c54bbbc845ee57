package dr.regions.provision;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What a provision run would change on a stack that exists, because settings were given that differ from the ones
 * recorded on it: the settings, then each live resource with what changes, from and to. Empty when the run only keeps
 * the stack as built (or builds a new one). Shown, and confirmed, before the run changes anything.
 *
 * @param recordedAt where the stack's settings were read, e.g. {@code the settings recorded on vpc-1 in us-east-1}
 */
public record StackChanges(String recordedAt, List<SettingChange> settings, List<ResourceChange> resources) {
    public static final StackChanges NONE = new StackChanges(null, List.of(), List.of());

    public StackChanges {
        settings = List.copyOf(settings);
        resources = List.copyOf(resources);
    }

    public boolean isEmpty() {
        return settings.isEmpty();
    }

    /** The diff, one line each, as {@code terraform plan} shows one; empty text when there is nothing to change. */
    public String text(String stack) {
        if (isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("Changes to stack " + stack + " (settings given that differ from "
                + recordedAt + "):\n");
        settings.forEach(setting -> out.append("  ").append(setting.text()).append('\n'));
        out.append("Live resources this run changes (~ in place, + created, ! no longer managed by provision, left as "
                + "it is):\n");
        resources.forEach(resource -> out.append("  ").append(resource.text()).append('\n'));
        return out.toString();
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("recordedAt", recordedAt);
        json.putArray("settings").addAll(settings.stream().map(SettingChange::toJson).toList());
        json.putArray("resources").addAll(resources.stream().map(ResourceChange::toJson).toList());
        return json;
    }
}
