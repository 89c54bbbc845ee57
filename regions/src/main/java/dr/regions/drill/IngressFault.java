package dr.regions.drill;

import dr.regions.aws.AwsClients;
import dr.regions.drill.IngressRules.Rule;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The seed guide's fault: the primary load balancers stop admitting HTTP and HTTPS from the internet. {@link #save}
 * reads the exact permissions to revoke (the caller journals them), {@link #revoke} revokes those still present,
 * {@link #restore} authorizes those of the saved ones that are missing, so it can run any number of times, from any
 * process, and only ever puts back what was there.
 */
public final class IngressFault {
    public static final String KIND = "ingress";
    static final String DUPLICATE = "InvalidPermission.Duplicate";

    private final AwsClients clients;

    /** What a restore did: rules authorized again, rules that were already there. */
    public record Restored(int authorized, int alreadyPresent) {
        public String describe() {
            return authorized == 0 ? "nothing to re-authorize: all " + alreadyPresent + " saved rules are in place"
                    : "re-authorized " + authorized + " saved rule" + (authorized == 1 ? "" : "s")
                    + (alreadyPresent == 0 ? "" : " (" + alreadyPresent + " were in place)");
        }
    }

    public IngressFault(AwsClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /** The HTTP/HTTPS ingress permissions of the groups (role → group id), exactly as EC2 describes them. */
    public SavedIngress save(String region, Map<String, String> groupsByRole) {
        Map<String, SecurityGroup> groups = describe(region, List.copyOf(groupsByRole.values()));
        List<SavedIngress.Group> saved = new ArrayList<>();
        groupsByRole.forEach((role, id) -> saved.add(new SavedIngress.Group(id, role,
                groups.get(id).ipPermissions().stream().filter(IngressRules::admitsWeb).toList())));
        return new SavedIngress(region, saved);
    }

    /** Revokes the saved permissions that are still present; returns how many rules it revoked. */
    public int revoke(SavedIngress saved) {
        Ec2Client ec2 = clients.ec2(saved.region());
        Map<String, SecurityGroup> current = describe(saved.region(), groupIds(saved));
        int revoked = 0;
        for (SavedIngress.Group group : saved.groups()) {
            Set<Rule> present = IngressRules.rules(current.get(group.groupId()).ipPermissions());
            List<IpPermission> toRevoke = group.permissions().stream()
                    .map(p -> IngressRules.only(p, present::contains)).filter(Objects::nonNull).toList();
            if (!toRevoke.isEmpty()) {
                ec2.revokeSecurityGroupIngress(r -> r.groupId(group.groupId()).ipPermissions(toRevoke));
                revoked += IngressRules.rules(toRevoke).size();
            }
        }
        return revoked;
    }

    /** Authorizes the saved rules that are missing, then checks that every saved rule is in place. */
    public Restored restore(SavedIngress saved) {
        Ec2Client ec2 = clients.ec2(saved.region());
        Map<String, SecurityGroup> current = describe(saved.region(), groupIds(saved));
        int authorized = 0;
        int present = 0;
        for (SavedIngress.Group group : saved.groups()) {
            Set<Rule> there = IngressRules.rules(current.get(group.groupId()).ipPermissions());
            present += (int) IngressRules.rules(group.permissions()).stream().filter(there::contains).count();
            List<IpPermission> missing = group.permissions().stream()
                    .map(p -> IngressRules.only(p, rule -> !there.contains(rule))).filter(Objects::nonNull).toList();
            if (!missing.isEmpty()) {
                authorize(ec2, group.groupId(), missing);
                authorized += IngressRules.rules(missing).size();
            }
        }
        List<String> stillMissing = missing(saved);
        if (!stillMissing.isEmpty()) {
            throw new IllegalStateException("after the restore, saved ingress rules are still missing: "
                    + String.join("; ", stillMissing));
        }
        return new Restored(authorized, present);
    }

    /** Saved rules not in place right now, one line each (empty when everything saved is there). */
    public List<String> missing(SavedIngress saved) {
        Map<String, SecurityGroup> current = describe(saved.region(), groupIds(saved));
        List<String> missing = new ArrayList<>();
        for (SavedIngress.Group group : saved.groups()) {
            Set<Rule> there = IngressRules.rules(current.get(group.groupId()).ipPermissions());
            IngressRules.rules(group.permissions()).stream().filter(rule -> !there.contains(rule))
                    .forEach(rule -> missing.add(group.groupId() + " " + rule.protocol() + " " + rule.fromPort() + "-"
                            + rule.toPort() + " from " + rule.source()));
        }
        return missing;
    }

    /** All at once; when another process put one back meanwhile (duplicate), one rule at a time. */
    private static void authorize(Ec2Client ec2, String groupId, List<IpPermission> permissions) {
        try {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permissions));
        } catch (Ec2Exception e) {
            if (!DUPLICATE.equals(code(e))) {
                throw e;
            }
            for (IpPermission permission : permissions) {
                for (Rule rule : IngressRules.rules(permission)) {
                    IpPermission single = IngressRules.only(permission, rule::equals);
                    try {
                        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(single));
                    } catch (Ec2Exception again) {
                        if (!DUPLICATE.equals(code(again))) {
                            throw again;
                        }
                    }
                }
            }
        }
    }

    private static String code(Ec2Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static List<String> groupIds(SavedIngress saved) {
        return saved.groups().stream().map(SavedIngress.Group::groupId).toList();
    }

    private Map<String, SecurityGroup> describe(String region, List<String> groupIds) {
        Map<String, SecurityGroup> byId = new LinkedHashMap<>();
        clients.ec2(region).describeSecurityGroups(r -> r.groupIds(groupIds)).securityGroups()
                .forEach(g -> byId.put(g.groupId(), g));
        for (String id : groupIds) {
            if (!byId.containsKey(id)) {
                throw new IllegalStateException("security group " + id + " was not found in " + region);
            }
        }
        return byId;
    }
}
