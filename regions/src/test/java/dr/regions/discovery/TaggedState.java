package dr.regions.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.core.model.Tags;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An oracle independent of discovery: walks the in-memory cloud's whole state (its sandbox JSON) and lists every
 * object that carries {@code dr:stack=<stack>}, as a tag map or as a {@code key}/{@code value} tag. Before looking
 * it lets EC2 forget what AWS itself forgets after an hour (deleted NAT gateways, terminated instances). The final DB
 * snapshots cleanup keeps ({@code <db>-final-<time>}) are left out: they stay on purpose, and are listed in the report.
 */
public final class TaggedState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaggedState() {
    }

    public static List<String> tagged(InMemoryCloud cloud, String stack) {
        cloud.world().clock().advance(Duration.ofHours(2));
        for (String region : cloud.world().regions.keySet()) {
            if (!dr.regions.inmemory.world.AccountRegions.enabled(cloud.world(), region)) {
                continue; // an opt-in region the account has not enabled refuses every call, and holds nothing
            }
            cloud.ec2(region).describeNatGateways(r -> { });
            cloud.ec2(region).describeInstances(r -> { });
        }
        JsonNode root;
        try {
            root = JSON.readTree(SandboxStore.toJson(cloud.world()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>();
        walk(root, "", stack, found);
        return found;
    }

    private static void walk(JsonNode node, String path, String stack, List<String> found) {
        if (path.matches("/regions/[^/]+/rds/snapshots/[^/]+-final-\\d{14}")) {
            return; // a final DB snapshot cleanup keeps on purpose (RDS copies the instance's tags onto it)
        }
        if (node.isObject()) {
            boolean tagMap = stack.equals(node.path(Tags.STACK).asText(null));
            boolean tagPair = Tags.STACK.equals(node.path("key").asText(null))
                    && stack.equals(node.path("value").asText(null));
            if (tagMap || tagPair) {
                found.add(path);
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), path + "/" + field.getKey(), stack, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", stack, found);
            }
        }
    }
}
