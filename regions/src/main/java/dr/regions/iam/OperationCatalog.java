package dr.regions.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The code's own list of the AWS API operations each dr command calls ({@code dr/iam/operations.yaml}). The list is
 * recorded, not written: {@code IamPolicyMatchesCallsTest} runs every command against the in-memory cloud and fails,
 * printing the regenerated file, when the calls and the list differ. A command that is absent has not been recorded
 * (it is not built yet).
 */
public final class OperationCatalog {
    public static final String RESOURCE = "dr/iam/operations.yaml";

    private static final String HEADER = """
            # The AWS API operations each dr command calls, as service:Operation (the IAM service prefix), sorted.
            # Recorded, not written by hand: IamPolicyMatchesCallsTest (cli module) runs every command against the
            # in-memory cloud and fails with the difference when the calls and this list disagree; it writes the
            # regenerated file to <build dir>/iam/operations.yaml (or over this one with -Ddr.iam.regenerate=true).
            # `dr iam-policy` derives its policy from this list and from permissions.yaml.
            """;

    private final Map<PolicyCommand, SortedSet<ApiOperation>> operations;

    private OperationCatalog(Map<PolicyCommand, SortedSet<ApiOperation>> operations) {
        this.operations = operations;
    }

    public static OperationCatalog of(Map<PolicyCommand, ? extends Iterable<ApiOperation>> recorded) {
        Map<PolicyCommand, SortedSet<ApiOperation>> copy = new EnumMap<>(PolicyCommand.class);
        recorded.forEach((command, list) -> {
            SortedSet<ApiOperation> sorted = new TreeSet<>();
            list.forEach(sorted::add);
            copy.put(command, Collections.unmodifiableSortedSet(sorted));
        });
        return new OperationCatalog(copy);
    }

    /** The list shipped with dr. */
    public static OperationCatalog load() {
        try (InputStream in = OperationCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OperationCatalog parse(JsonNode root) {
        Map<PolicyCommand, SortedSet<ApiOperation>> parsed = new EnumMap<>(PolicyCommand.class);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return of(parsed);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            PolicyCommand command = PolicyCommand.byName(entry.getKey()).orElseThrow(() ->
                    new IllegalStateException(RESOURCE + ": '" + entry.getKey() + "' is not one of "
                            + PolicyCommand.names()));
            SortedSet<ApiOperation> list = new TreeSet<>();
            entry.getValue().forEach(op -> list.add(ApiOperation.parse(op.asText())));
            parsed.put(command, list);
        }
        return of(parsed);
    }

    /** The operations {@code command} calls; empty when it has not been recorded. */
    public Optional<SortedSet<ApiOperation>> operations(PolicyCommand command) {
        return Optional.ofNullable(operations.get(command));
    }

    public boolean recorded(PolicyCommand command) {
        return operations.containsKey(command);
    }

    /** The file's text: commands in {@link PolicyCommand} order, operations sorted; what {@link #load} reads. */
    public String render() {
        StringBuilder text = new StringBuilder(HEADER);
        for (PolicyCommand command : PolicyCommand.values()) {
            SortedSet<ApiOperation> list = operations.get(command);
            if (list == null) {
                continue;
            }
            text.append(command.cliName()).append(':');
            if (list.isEmpty()) {
                text.append(" []");
            }
            text.append('\n');
            list.forEach(op -> text.append("  - ").append(op).append('\n'));
        }
        return text.toString();
    }
}
