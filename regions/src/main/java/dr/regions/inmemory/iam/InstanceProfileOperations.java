package dr.regions.inmemory.iam;

import dr.regions.inmemory.world.IamState;
import dr.regions.inmemory.world.IamState.InstanceProfile;
import dr.regions.inmemory.world.IamState.Role;
import dr.regions.inmemory.world.World;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Instance profiles: names unique per account; one role at most (AddRoleToInstanceProfile answers LimitExceeded
 * "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1"); DeleteInstanceProfile refused (DeleteConflict)
 * while a role is still in it (IAM API Reference, AddRoleToInstanceProfile and DeleteInstanceProfile).
 */
final class InstanceProfileOperations {
    private final World world;
    private final IamState state;
    private final RoleOperations roles;

    InstanceProfileOperations(World world, RoleOperations roles) {
        this.world = world;
        this.state = world.iam;
        this.roles = roles;
    }

    InstanceProfile create(String name, String path, Map<String, String> tags) {
        IamNames.name(name, "instanceProfileName", 128);
        String checkedPath = IamNames.path(path);
        Map<String, String> checkedTags = IamNames.tags(Map.of(), tags);
        if (state.instanceProfile(name) != null) {
            throw IamErrors.alreadyExists("Instance Profile " + name + " already exists.");
        }
        InstanceProfile profile = new InstanceProfile();
        profile.name = name;
        profile.path = checkedPath;
        profile.id = "AIPA" + world.ids.upper(17);
        profile.arn = "arn:aws:iam::" + World.ACCOUNT_ID + ":instance-profile" + checkedPath + name;
        profile.createDate = world.time();
        profile.tags = new TreeMap<>(checkedTags);
        state.instanceProfiles.put(name, profile);
        world.faults().created(visibilityKey(name));
        return profile;
    }

    InstanceProfile read(String name) {
        InstanceProfile profile = require(name);
        if (!world.faults().visible(visibilityKey(profile.name))) {
            throw IamErrors.noSuchInstanceProfile(name);
        }
        return profile;
    }

    InstanceProfile require(String name) {
        if (name == null) {
            throw IamErrors.validation("null", "instanceProfileName", "Member must not be null");
        }
        InstanceProfile profile = state.instanceProfile(name);
        if (profile == null) {
            throw IamErrors.noSuchInstanceProfile(name);
        }
        return profile;
    }

    List<InstanceProfile> list(String pathPrefix) {
        String prefix = pathPrefix == null ? "/" : pathPrefix;
        return state.instanceProfiles.values().stream()
                .filter(p -> p.path.startsWith(prefix))
                .filter(p -> world.faults().visible(visibilityKey(p.name)))
                .toList();
    }

    List<InstanceProfile> forRole(String roleName) {
        Role role = roles.require(roleName);
        return state.instanceProfiles.values().stream().filter(p -> p.roles.contains(role.name)).toList();
    }

    void addRole(String name, String roleName) {
        InstanceProfile profile = require(name);
        Role role = roles.require(roleName);
        if (profile.roles.contains(role.name)) {
            throw IamErrors.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        }
        if (!profile.roles.isEmpty()) {
            throw IamErrors.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        }
        profile.roles.add(role.name);
    }

    void removeRole(String name, String roleName) {
        InstanceProfile profile = require(name);
        Role role = roles.require(roleName);
        if (!profile.roles.remove(role.name)) {
            throw IamErrors.noSuchEntity("The role with name " + roleName + " cannot be found in instance profile "
                    + name + ".");
        }
    }

    void delete(String name) {
        InstanceProfile profile = require(name);
        if (!profile.roles.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }
        state.instanceProfiles.remove(profile.name);
    }

    static String visibilityKey(String profileName) {
        return "iam-instance-profile:" + profileName;
    }
}
