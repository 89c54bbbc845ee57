package dr.regions.provision;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.config.ConfigKey;
import dr.core.config.RecordedSettings;

/** A setting given with a value other than the one the stack was built with: {@code from} recorded, {@code to} given. */
public record SettingChange(ConfigKey key, String from, String to) {
    public String text() {
        return key.option() + ": " + RecordedSettings.shown(from) + " -> " + RecordedSettings.shown(to);
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("setting", key.key());
        json.put("from", from.isEmpty() ? null : from);
        json.put("to", to.isEmpty() ? null : to);
        return json;
    }
}
