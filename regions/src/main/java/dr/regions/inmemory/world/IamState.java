package dr.regions.inmemory.world;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * State of the in-memory IAM service (global, one per account). Plain public fields: the sandbox file is this object
 * written by Jackson. Policy documents are kept as the caller sent them (IAM hands them back URL-encoded).
 */
public final class IamState {
    /**
     * How long a new role, or a changed trust policy, takes to reach the services that assume it. IAM is eventually
     * consistent ("changes ... take time to become visible from all possible endpoints", IAM User Guide, Troubleshoot
     * IAM, "Changes that I make are not always immediately visible"), and AWS Backup refuses a role it cannot assume
     * yet (terraform-provider-aws issue 9297). A few seconds in practice; the fake models ten, when eventual
     * consistency is switched on ({@link ServiceRoles}).
     */
    public static final Duration PROPAGATION = Duration.ofSeconds(10);

    /** Role name → role. Names are unique per account regardless of case ({@link #role}). */
    public Map<String, Role> roles = new TreeMap<>();
    /** Instance profile name → instance profile, unique regardless of case too. */
    public Map<String, InstanceProfile> instanceProfiles = new TreeMap<>();

    /** "Role names are not distinguished by case" (IAM API Reference, CreateRole): lookups ignore it. */
    public Role role(String name) {
        return roles.values().stream().filter(r -> r.name.equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    public InstanceProfile instanceProfile(String name) {
        return instanceProfiles.values().stream().filter(p -> p.name.equalsIgnoreCase(name)).findFirst()
                .orElse(null);
    }

    public static final class Role {
        public String name;
        public String id;
        public String arn;
        public String path;
        public String description;
        public int maxSessionDuration = 3600;
        public String trustPolicy;
        public Instant createDate;
        /** When the trust policy last changed: services can assume the role {@link #PROPAGATION} later. */
        public Instant trustChangedAt;
        public List<String> attachedPolicies = new ArrayList<>();
        /** Inline policy name → document. */
        public Map<String, String> inlinePolicies = new TreeMap<>();
        public Map<String, String> tags = new TreeMap<>();
    }

    public static final class InstanceProfile {
        public String name;
        public String id;
        public String arn;
        public String path;
        public Instant createDate;
        /** Role names; at most one (InstanceSessionsPerInstanceProfile). */
        public List<String> roles = new ArrayList<>();
        public Map<String, String> tags = new TreeMap<>();
    }
}
