package dr.regions.inmemory.iam;

import dr.regions.inmemory.world.IamState;
import dr.regions.inmemory.world.World;

import java.time.Instant;
import java.util.Optional;

/**
 * What another service of the in-memory cloud sees of a role it is handed (AWS Backup's IamRoleArn, say): whether the
 * role exists and trusts that service. With eventual consistency switched on ({@code Faults}), a role handed to a
 * service within {@link IamState#PROPAGATION} of its creation or trust change is refused once, as a role that has not
 * reached the service yet; without it, normal runs stay deterministic. A service refuses a role with its own error.
 */
public final class ServiceRoles {
    private ServiceRoles() {
    }

    public static boolean assumable(World world, String roleArn, String servicePrincipal) {
        Optional<IamState.Role> role = world.iam.roles.values().stream()
                .filter(r -> r.arn.equals(roleArn)).findFirst();
        if (role.isEmpty() || !PolicyDocuments.trusts(role.get().trustPolicy, servicePrincipal)) {
            return false;
        }
        Instant since = role.get().trustChangedAt == null ? role.get().createDate : role.get().trustChangedAt;
        return !world.time().isBefore(since.plus(IamState.PROPAGATION))
                || world.faults().visible(propagationKey(roleArn));
    }

    /** What the IAM fake marks as created when a role's trust changes: the miss a service may see once. */
    static String propagationKey(String roleArn) {
        return "iam-propagation:" + roleArn;
    }
}
