package dr.regions.iam;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The service-linked roles AWS services create on first use with the caller's {@code iam:CreateServiceLinkedRole}:
 * one statement per command for those its calls can create, each role by its ARN and only for its own service.
 */
public final class ServiceLinkedRoles {
    /** A service-linked role, the operations whose first use creates it, and the AWS document that says so. */
    public record Role(String service, String name, String source, List<ApiOperation> triggers) {
        public Role {
            if (source == null || !source.startsWith("https://")) {
                throw new IllegalArgumentException(name + " needs the AWS document it comes from (https://...)");
            }
            triggers = List.copyOf(triggers);
        }

        String arn(String account) {
            return "arn:aws:iam::" + account + ":role/aws-service-role/" + service + "/" + name;
        }
    }

    private final List<Role> roles;

    public ServiceLinkedRoles(List<Role> roles) {
        this.roles = List.copyOf(roles);
    }

    public List<Role> roles() {
        return roles;
    }

    /** {@code <Command>ImpliedServiceLinkedRoles}, or empty when the command's calls create none. */
    public Optional<PolicyStatement> statement(PolicyCommand command, Set<ApiOperation> called, String account) {
        List<String> arns = new ArrayList<>();
        SortedSet<String> services = new TreeSet<>();
        for (Role role : roles) {
            if (role.triggers().stream().anyMatch(called::contains)) {
                arns.add(role.arn(account));
                services.add(role.service());
            }
        }
        if (arns.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode condition = JsonNodeFactory.instance.objectNode();
        var names = condition.putObject("StringEquals").putArray("iam:AWSServiceName");
        services.forEach(names::add);
        return Optional.of(new PolicyStatement(command.sidPrefix() + "ImpliedServiceLinkedRoles",
                new TreeSet<>(List.of("iam:CreateServiceLinkedRole")), arns, condition));
    }
}
