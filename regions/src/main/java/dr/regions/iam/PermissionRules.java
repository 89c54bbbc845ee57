package dr.regions.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code dr/iam/permissions.yaml} says beyond the operation list: the API operations whose IAM actions are not
 * simply {@code service:Operation}, the {@link ImpliedPermission}s and the {@link ServiceLinkedRoles}. Every entry names the AWS document it comes
 * from.
 */
public final class PermissionRules {
    public static final String RESOURCE = "dr/iam/permissions.yaml";

    /** An operation whose IAM actions differ from its name, and where AWS documents that. */
    public record ActionMapping(ApiOperation operation, SortedSet<String> actions, String source) {
    }

    private final Map<ApiOperation, ActionMapping> mappings;
    private final List<ImpliedPermission> implied;
    private final ServiceLinkedRoles serviceLinkedRoles;

    PermissionRules(Map<ApiOperation, ActionMapping> mappings, List<ImpliedPermission> implied,
            ServiceLinkedRoles serviceLinkedRoles) {
        this.mappings = new TreeMap<>(mappings);
        this.implied = List.copyOf(implied);
        this.serviceLinkedRoles = serviceLinkedRoles;
    }

    public static PermissionRules load() {
        try (InputStream in = PermissionRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PermissionRules parse(JsonNode root) {
        Map<ApiOperation, ActionMapping> mappings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("actions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            ApiOperation operation = ApiOperation.parse(entry.getKey());
            mappings.put(operation, new ActionMapping(operation, strings(entry.getValue().path("actions")),
                    required(entry.getValue(), "source", entry.getKey())));
        }
        List<ImpliedPermission> implied = new ArrayList<>();
        for (JsonNode rule : root.path("implied")) {
            String sid = required(rule, "sid", "implied permission");
            List<ImpliedPermission.Trigger> triggers = triggers(rule.path("when"), sid);
            implied.add(new ImpliedPermission(sid, required(rule, "why", sid), required(rule, "source", sid),
                    strings(rule.path("actions")), new ArrayList<>(strings(rule.path("resources"))),
                    rule.has("condition") ? (ObjectNode) rule.get("condition") : null,
                    rule.has("conditionKey") ? rule.get("conditionKey").asText() : null, triggers));
        }
        List<ServiceLinkedRoles.Role> roles = new ArrayList<>();
        for (JsonNode role : root.path("serviceLinkedRoles")) {
            String name = required(role, "role", "service-linked role");
            List<ApiOperation> triggers = new ArrayList<>();
            role.path("when").forEach(t -> triggers.add(ApiOperation.parse(t.asText())));
            roles.add(new ServiceLinkedRoles.Role(required(role, "service", name), name,
                    required(role, "source", name), triggers));
        }
        return new PermissionRules(mappings, implied, new ServiceLinkedRoles(roles));
    }

    /**
     * {@code when} is a map {@code operation: conditionValue} (rules with a conditionKey) or a list whose entries
     * are {@code operation}, or {@code {operation: ..., command: ...}} for a trigger limited to one command.
     */
    private static List<ImpliedPermission.Trigger> triggers(JsonNode when, String sid) {
        List<ImpliedPermission.Trigger> triggers = new ArrayList<>();
        if (when.isObject()) {
            when.fields().forEachRemaining(e -> triggers.add(
                    new ImpliedPermission.Trigger(ApiOperation.parse(e.getKey()), null, e.getValue().asText())));
            return triggers;
        }
        for (JsonNode entry : when) {
            if (entry.isObject()) {
                String command = required(entry, "command", sid);
                triggers.add(new ImpliedPermission.Trigger(ApiOperation.parse(required(entry, "operation", sid)),
                        PolicyCommand.byName(command).orElseThrow(() -> new IllegalStateException(RESOURCE + ": "
                                + sid + ": '" + command + "' is not one of " + PolicyCommand.names())), null));
            } else {
                triggers.add(new ImpliedPermission.Trigger(ApiOperation.parse(entry.asText()), null, null));
            }
        }
        if (triggers.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": " + sid + " has no 'when'");
        }
        return triggers;
    }

    private static String required(JsonNode node, String field, String where) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": " + where + " has no '" + field + "'");
        }
        return value;
    }

    private static SortedSet<String> strings(JsonNode array) {
        SortedSet<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The IAM actions calling {@code operation} needs. */
    public SortedSet<String> actionsFor(ApiOperation operation) {
        ActionMapping mapping = mappings.get(operation);
        return mapping == null ? new TreeSet<>(List.of(operation.sameNamedAction())) : new TreeSet<>(mapping.actions());
    }

    public Map<ApiOperation, ActionMapping> mappings() {
        return mappings;
    }

    public List<ImpliedPermission> implied() {
        return implied;
    }

    public ServiceLinkedRoles serviceLinkedRoles() {
        return serviceLinkedRoles;
    }
}
