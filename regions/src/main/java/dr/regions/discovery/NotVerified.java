package dr.regions.discovery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.engine.ServiceError;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Resources of some kinds that discovery could not read in one region ({@link StackResource#GLOBAL} for Route 53
 * and CloudFront): AWS answered the list or describe with an error, so whatever of the stack is there is missing
 * from the inventory. {@code scope} narrows it when only part was unreadable (e.g. {@code vault dr-vault}).
 */
public record NotVerified(String region, List<ResourceKind> kinds, String scope, ServiceError error) {

    public NotVerified {
        kinds = List.copyOf(kinds);
    }

    /** What could not be checked, e.g. {@code us-west-2 AWS::Backup::RecoveryPoint (vault dr-vault)}. */
    public String what() {
        return region + " " + kinds.stream().map(ResourceKind::awsType).collect(Collectors.joining(", "))
                + (scope == null ? "" : " (" + scope + ")");
    }

    /** One line: what, and why, e.g. {@code ...: not verified: Backup ListRecoveryPointsByBackupVault: HTTP 404...}. */
    public String describe() {
        return what() + ": not verified: " + error.line();
    }

    public boolean covers(ResourceKind kind, String inRegion) {
        return kinds.contains(kind) && region.equals(inRegion);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("region", region);
        kinds.forEach(kind -> node.withArray("types").add(kind.awsType()));
        if (scope != null) {
            node.put("scope", scope);
        }
        node.put("reason", error.line());
        node.set("error", error.toJson());
        return node;
    }
}
