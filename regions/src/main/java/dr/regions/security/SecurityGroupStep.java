package dr.regions.security;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.regions.network.Ec2Tags;
import dr.regions.network.NetworkRoles;
import dr.core.model.Tags;
import dr.regions.step.EnsureStep;
import dr.regions.step.FirstLook;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One security group and exactly its ingress rules: missing rules are added and rules dr did not define are
 * revoked (least privilege), both reported as an update. Egress keeps the AWS default.
 */
public final class SecurityGroupStep extends EnsureStep {
    /** The rules, given the ids of the groups they reference (resolved from the step context). */
    public interface RuleSpec extends Function<Function<SecurityRoles, String>, List<IngressRule>> {
    }

    private final RegionTarget target;
    private final SecurityRoles group;
    private final RuleSpec rules;
    private final FirstLook<SecurityGroup> firstLook;
    private SecurityGroup seen;

    /** {@code firstLook}: the stack's groups of the region, shared by its group steps ({@link #firstLook}). */
    public SecurityGroupStep(RegionTarget target, SecurityRoles group, List<SecurityRoles> referenced, RuleSpec rules,
                             FirstLook<SecurityGroup> firstLook) {
        super(target.key(group.role()), dependencies(target, referenced), "AWS::EC2::SecurityGroup",
                ModeledDurations.IMMEDIATE);
        this.target = target;
        this.group = group;
        this.rules = rules;
        this.firstLook = firstLook;
    }

    public static FirstLook<SecurityGroup> firstLook(RegionTarget target) {
        return new FirstLook<>(() -> target.clients().ec2(target.region())
                .describeSecurityGroups(r -> r.filters(Ec2Tags.byStack(target.stack()))).securityGroups(),
                found -> Ec2Tags.toMap(found.tags()).get(Tags.ROLE));
    }

    private static List<StepKey> dependencies(RegionTarget target, List<SecurityRoles> referenced) {
        List<StepKey> keys = new ArrayList<>();
        keys.add(target.key(NetworkRoles.VPC));
        referenced.forEach(r -> keys.add(target.key(r.role())));
        return keys;
    }

    @Override
    protected Optional<String> find(StepContext context) {
        Optional<SecurityGroup> found = firstLook(context) ? firstLook.find(context, group.role())
                : ec2().describeSecurityGroups(r -> r.filters(Ec2Tags.byRole(target.stack(), group.role())))
                .securityGroups().stream().findFirst();
        found.ifPresent(g -> seen = g);
        return found.map(SecurityGroup::groupId);
    }

    @Override
    protected String create(StepContext context) {
        String vpcId = context.require(target.key(NetworkRoles.VPC), "id");
        String groupId = ec2().createSecurityGroup(r -> r.vpcId(vpcId)
                .groupName(target.name(group.role()))
                .description(group.description())
                .tagSpecifications(Ec2Tags.specification(ResourceType.SECURITY_GROUP, target.tags(group.role()))))
                .groupId();
        seen = SecurityGroup.builder().groupId(groupId).build();
        return groupId;
    }

    @Override
    protected boolean converge(StepContext context, String groupId) {
        Set<IngressRule> wanted = new LinkedHashSet<>(rules.apply(role -> context.require(target.key(role.role()), "id")));
        Set<IngressRule> present = new LinkedHashSet<>(IngressRule.fromPermissions(seen.ipPermissions()));
        List<IngressRule> missing = wanted.stream().filter(r -> !present.contains(r)).toList();
        List<IngressRule> extra = present.stream().filter(r -> r.isManaged() && !wanted.contains(r)).toList();
        if (!missing.isEmpty()) {
            ec2().authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                    .ipPermissions(missing.stream().map(IngressRule::toPermission).toList()));
        }
        if (!extra.isEmpty()) {
            ec2().revokeSecurityGroupIngress(r -> r.groupId(groupId)
                    .ipPermissions(extra.stream().map(IngressRule::toPermission).toList()));
        }
        return !missing.isEmpty() || !extra.isEmpty();
    }

    private Ec2Client ec2() {
        return target.clients().ec2(target.region());
    }
}
