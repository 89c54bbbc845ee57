package dr.regions.provision;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.engine.StepKey;

import java.util.Locale;

/**
 * One change a provision run makes to the stack's live resources because a setting changed: what, from and to.
 *
 * @param kind     {@code ~} changed in place, {@code +} created, {@code !} no longer managed (left as it is)
 * @param resource the plan's key of the resource, e.g. {@code us-east-1/lt-web}
 * @param type     its AWS type
 * @param what     what changes, e.g. {@code instance type}
 */
public record ResourceChange(Kind kind, StepKey resource, String type, String what, String from, String to) {
    /** How the resource changes. */
    public enum Kind {
        UPDATE, CREATE, UNMANAGED;

        String sign() {
            return switch (this) {
                case UPDATE -> "~";
                case CREATE -> "+";
                case UNMANAGED -> "!";
            };
        }

        /** In JSON: {@code update}, {@code create}, {@code unmanage}. */
        String label() {
            return this == UNMANAGED ? "unmanage" : name().toLowerCase(Locale.ROOT);
        }
    }

    public String text() {
        return kind.sign() + " " + resource + " (" + type + "): " + what + ": " + from + " -> " + to;
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("action", kind.label());
        json.put("resource", resource.toString());
        json.put("type", type);
        json.put("change", what);
        json.put("from", from);
        json.put("to", to);
        return json;
    }
}
