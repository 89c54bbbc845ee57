package dr.regions.inmemory.iam;

import dr.regions.inmemory.world.IamState;
import dr.regions.inmemory.world.IamState.Role;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Roles and what hangs on them: trust policy, attached managed policies, inline policies, tags. The rules are IAM's
 * (API Reference, each operation's "Errors"): names unique per account; DeleteRole refused (DeleteConflict) while the
 * role has attached or inline policies or is in an instance profile; at most 10 attached managed policies
 * (PoliciesPerRole); an unknown policy ARN is NoSuchEntity, a service-linked role's policy is PolicyNotAttachable.
 */
final class RoleOperations {
    static final int MAX_ATTACHED = 10;
    private final World world;
    private final IamState state;

    RoleOperations(World world) {
        this.world = world;
        this.state = world.iam;
    }

    Role create(String name, String path, String trustPolicy, String description, Map<String, String> tags) {
        IamNames.name(name, "roleName", 64);
        String checkedPath = IamNames.path(path);
        PolicyDocuments.checkTrust(trustPolicy);
        Map<String, String> checkedTags = IamNames.tags(Map.of(), tags);
        if (state.role(name) != null) {
            throw IamErrors.alreadyExists("Role with name " + name + " already exists.");
        }
        Role role = new Role();
        role.name = name;
        role.path = checkedPath;
        role.id = "AROA" + world.ids.upper(17);
        role.arn = "arn:aws:iam::" + World.ACCOUNT_ID + ":role" + checkedPath + name;
        role.trustPolicy = trustPolicy;
        role.description = description;
        role.createDate = world.time();
        role.trustChangedAt = role.createDate;
        role.tags = new TreeMap<>(checkedTags);
        state.roles.put(name, role);
        world.faults().created(visibilityKey(name));
        world.faults().created(ServiceRoles.propagationKey(role.arn));
        return role;
    }

    /** The role by name, as a read sees it (a role just created may not be visible yet). */
    Role read(String name) {
        Role role = require(name);
        if (!world.faults().visible(visibilityKey(role.name))) {
            throw IamErrors.noSuchRole(name);
        }
        return role;
    }

    Role require(String name) {
        if (name == null) {
            throw IamErrors.validation("null", "roleName", "Member must not be null");
        }
        Role role = state.role(name);
        if (role == null) {
            throw IamErrors.noSuchRole(name);
        }
        return role;
    }

    List<Role> list(String pathPrefix) {
        String prefix = pathPrefix == null ? "/" : pathPrefix;
        return state.roles.values().stream()
                .filter(r -> r.path.startsWith(prefix))
                .filter(r -> world.faults().visible(visibilityKey(r.name)))
                .toList();
    }

    void updateTrust(String name, String document) {
        Role role = require(name);
        PolicyDocuments.checkTrust(document);
        role.trustPolicy = document;
        role.trustChangedAt = world.time();
        world.faults().created(ServiceRoles.propagationKey(role.arn));
    }

    void delete(String name) {
        Role role = require(name);
        boolean inProfile = state.instanceProfiles.values().stream().anyMatch(p -> p.roles.contains(role.name));
        if (inProfile) {
            throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }
        if (!role.attachedPolicies.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        if (!role.inlinePolicies.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        state.roles.remove(role.name);
    }

    void attach(String name, String policyArn) {
        Role role = require(name);
        if (!ManagedPolicies.exists(policyArn)) {
            throw IamErrors.noSuchEntity("Policy " + policyArn + " does not exist or is not attachable.");
        }
        if (!ManagedPolicies.attachable(policyArn)) {
            throw IamErrors.policyNotAttachable("Cannot attach a Service Role Policy to a Customer Role.");
        }
        if (role.attachedPolicies.contains(policyArn)) {
            return;
        }
        if (role.attachedPolicies.size() >= MAX_ATTACHED) {
            throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPerRole: " + MAX_ATTACHED);
        }
        role.attachedPolicies.add(policyArn);
    }

    void detach(String name, String policyArn) {
        Role role = require(name);
        if (!role.attachedPolicies.remove(policyArn)) {
            throw IamErrors.noSuchEntity("Policy " + policyArn + " was not found.");
        }
    }

    List<AttachedPolicy> attached(String name) {
        return require(name).attachedPolicies.stream().map(arn -> AttachedPolicy.builder()
                .policyArn(arn).policyName(arn.substring(arn.lastIndexOf('/') + 1)).build()).toList();
    }

    void putInline(String name, String policyName, String document) {
        Role role = require(name);
        IamNames.name(policyName, "policyName", 128);
        PolicyDocuments.checkIdentity(document);
        Map<String, String> after = new TreeMap<>(role.inlinePolicies);
        after.put(policyName, document);
        int total = after.values().stream().mapToInt(PolicyDocuments::size).sum();
        if (total > PolicyDocuments.INLINE_POLICIES_LIMIT) {
            throw IamErrors.limitExceeded("Maximum policy size of " + PolicyDocuments.INLINE_POLICIES_LIMIT
                    + " bytes exceeded for role " + role.name);
        }
        role.inlinePolicies.put(policyName, document);
    }

    String inline(String name, String policyName) {
        String document = require(name).inlinePolicies.get(policyName);
        if (document == null) {
            throw IamErrors.noSuchEntity("The role policy with name " + policyName + " cannot be found.");
        }
        return document;
    }

    void deleteInline(String name, String policyName) {
        Role role = require(name);
        if (role.inlinePolicies.remove(policyName) == null) {
            throw IamErrors.noSuchEntity("The role policy with name " + policyName + " cannot be found.");
        }
    }

    void tag(String name, List<Tag> tags) {
        Role role = require(name);
        role.tags = new TreeMap<>(IamNames.tags(role.tags, toMap(tags)));
    }

    void untag(String name, List<String> keys) {
        keys.forEach(require(name).tags::remove);
    }

    static Map<String, String> toMap(List<Tag> tags) {
        Map<String, String> map = new TreeMap<>();
        if (tags != null) {
            tags.forEach(t -> map.put(t.key(), t.value()));
        }
        return map;
    }

    static List<Tag> toTags(Map<String, String> tags) {
        List<Tag> list = new ArrayList<>();
        tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
        return list;
    }

    static String visibilityKey(String roleName) {
        return "iam-role:" + roleName;
    }
}
