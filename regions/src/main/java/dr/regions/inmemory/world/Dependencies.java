package dr.regions.inmemory.world;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who uses what, across services: an ALB uses subnets and security groups, an RDS instance uses a subnet
 * group and security groups, a listener uses a certificate and a target group. The fakes consult it to refuse
 * a delete with AWS's "in use" error ({@code DependencyViolation}, {@code ResourceInUse}, ...).
 */
public final class Dependencies {
    /** used resource id → ids of the resources that use it (sorted, also after a sandbox load). */
    public Map<String, SortedSet<String>> usedBy = new LinkedHashMap<>();

    public void use(String user, String... used) {
        for (String id : used) {
            if (id != null) {
                usedBy.computeIfAbsent(id, k -> new TreeSet<>()).add(user);
            }
        }
    }

    public void stopUsing(String user, String used) {
        Set<String> users = usedBy.get(used);
        if (users != null) {
            users.remove(user);
            if (users.isEmpty()) {
                usedBy.remove(used);
            }
        }
    }

    /** Forgets everything {@code user} used: call when deleting it. */
    public void release(String user) {
        usedBy.values().forEach(users -> users.remove(user));
        usedBy.values().removeIf(Set::isEmpty);
    }

    public Set<String> usersOf(String used) {
        return usedBy.getOrDefault(used, Collections.emptySortedSet());
    }

    public boolean inUse(String used) {
        return !usersOf(used).isEmpty();
    }
}
