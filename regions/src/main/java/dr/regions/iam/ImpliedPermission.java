package dr.regions.iam;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A permission AWS checks that is not an API call of dr's clients (a role passed to AWS Backup, a KMS grant made by
 * RDS on the caller's behalf, tags applied by a create call...), with why and the AWS document that says so. It
 * applies to a command when the command calls one of its {@link Trigger}s.
 *
 * <p>With a {@code conditionKey}, the statement is narrowed to {@code StringEquals {conditionKey: [values]}}, the
 * values being those of the triggers the command calls (e.g. {@code ec2:CreateAction: [CreateVpc, RunInstances]}:
 * CreateTags only as part of those creates).
 */
public record ImpliedPermission(String sid, String why, String source, SortedSet<String> actions,
                                List<String> resources, ObjectNode condition, String conditionKey,
                                List<Trigger> triggers) {

    /**
     * An operation that makes AWS check the permission. {@code onlyFor}, when set, limits it to the command whose
     * call passes the parameter that matters (the same operation called by other commands does not need it);
     * {@code conditionValue} is the value it contributes to the {@code conditionKey}.
     */
    public record Trigger(ApiOperation operation, PolicyCommand onlyFor, String conditionValue) {
        boolean firedBy(PolicyCommand command, Set<ApiOperation> called) {
            return called.contains(operation) && (onlyFor == null || onlyFor == command);
        }
    }

    public ImpliedPermission {
        actions = new TreeSet<>(actions);
        resources = resources.isEmpty() ? List.of(PolicyStatement.ANY_RESOURCE) : List.copyOf(resources);
        triggers = List.copyOf(triggers);
        if (sid == null || !sid.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("implied permission needs a Sid of letters and digits: " + sid);
        }
        if (source == null || !source.startsWith("https://")) {
            throw new IllegalArgumentException(sid + " needs the AWS document it comes from (https://...)");
        }
        if (triggers.isEmpty()) {
            throw new IllegalArgumentException(sid + " needs the operations that make AWS check it");
        }
        if (conditionKey != null && triggers.stream().anyMatch(t -> t.conditionValue() == null
                || t.conditionValue().isBlank())) {
            throw new IllegalArgumentException(sid + ": every trigger needs its " + conditionKey + " value");
        }
    }

    /** The triggers {@code command} fires by calling {@code called}, in the file's order. */
    public List<Trigger> triggeredBy(PolicyCommand command, Set<ApiOperation> called) {
        return triggers.stream().filter(t -> t.firedBy(command, called)).toList();
    }

    /**
     * The statement for {@code command}, which calls {@code called}, or empty when it fires none of the triggers.
     * {@code placeholders} fills {@code ${account}} and the like in resources.
     */
    public Optional<PolicyStatement> statement(PolicyCommand command, Set<ApiOperation> called,
            UnaryOperator<String> placeholders) {
        List<Trigger> fired = triggeredBy(command, called);
        if (fired.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode block = condition == null ? JsonNodeFactory.instance.objectNode() : condition.deepCopy();
        if (conditionKey != null) {
            SortedSet<String> values = new TreeSet<>();
            fired.forEach(t -> values.add(t.conditionValue()));
            ObjectNode equals = block.has("StringEquals") ? (ObjectNode) block.get("StringEquals")
                    : block.putObject("StringEquals");
            var list = equals.putArray(conditionKey);
            values.forEach(list::add);
        }
        List<String> resolved = new ArrayList<>();
        resources.forEach(r -> resolved.add(placeholders.apply(r)));
        return Optional.of(new PolicyStatement(command.sidPrefix() + "Implied" + sid, actions, resolved, block));
    }
}
