package dr.regions.cleanup;

import dr.core.engine.Action;
import dr.core.engine.DeclaredStep;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.StepResult;
import dr.core.model.Tags;
import dr.regions.aws.AwsClients;
import dr.regions.network.Ec2Tags;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * EC2 refuses to delete a security group another group's rule references ({@code DependencyViolation}), and the
 * stack's groups reference each other (web ← alb-web, db ← app...). This step, one per region, revokes every rule
 * of a stack group that references a stack group, ingress and egress, read afresh on each run so a crash halfway
 * resumes; the group deletions come after it. Rules of groups outside the stack are never touched.
 */
final class SecurityGroupReferences extends DeclaredStep {
    static final String ROLE = "sg-cross-references";

    private final String stack;
    private final AwsClients clients;

    SecurityGroupReferences(String region, String stack, AwsClients clients) {
        super(StepKey.of(region, ROLE), List.of(), "AWS::EC2::SecurityGroupIngress", Duration.ZERO);
        this.stack = stack;
        this.clients = clients;
    }

    @Override
    public Action plannedAction() {
        return Action.UPDATE;
    }

    @Override
    public StepResult execute(StepContext context) {
        Ec2Client ec2 = clients.ec2(key().region());
        List<SecurityGroup> groups = new ArrayList<>();
        ec2.describeSecurityGroupsPaginator(r -> r.filters(Ec2Tags.tag(Tags.STACK, stack))).securityGroups().stream()
                .filter(g -> stack.equals(Ec2Tags.toMap(g.tags()).get(Tags.STACK))).forEach(groups::add);
        Set<String> ids = groups.stream().map(SecurityGroup::groupId).collect(Collectors.toSet());
        int revoked = 0;
        for (SecurityGroup group : groups) {
            List<IpPermission> ingress = referencing(group.ipPermissions(), ids);
            if (!ingress.isEmpty()) {
                Quietly.unlessGone(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(group.groupId())
                        .ipPermissions(ingress)));
                revoked += ingress.size();
            }
            List<IpPermission> egress = referencing(group.ipPermissionsEgress(), ids);
            if (!egress.isEmpty()) {
                Quietly.unlessGone(() -> ec2.revokeSecurityGroupEgress(r -> r.groupId(group.groupId())
                        .ipPermissions(egress)));
                revoked += egress.size();
            }
        }
        return StepResult.done(Action.UPDATE, key().region(), Map.of("revoked", String.valueOf(revoked)));
    }

    /** Of each permission, only the group pairs that name a stack group (CIDR sources stay). */
    private static List<IpPermission> referencing(List<IpPermission> permissions, Set<String> stackGroups) {
        List<IpPermission> found = new ArrayList<>();
        for (IpPermission permission : permissions) {
            List<UserIdGroupPair> pairs = permission.userIdGroupPairs().stream()
                    .filter(pair -> stackGroups.contains(pair.groupId()))
                    .map(pair -> UserIdGroupPair.builder().groupId(pair.groupId()).build()).toList();
            if (!pairs.isEmpty()) {
                found.add(IpPermission.builder().ipProtocol(permission.ipProtocol()).fromPort(permission.fromPort())
                        .toPort(permission.toPort()).userIdGroupPairs(pairs).build());
            }
        }
        return found;
    }
}
