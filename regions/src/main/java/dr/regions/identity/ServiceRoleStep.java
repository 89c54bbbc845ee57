package dr.regions.identity;

import dr.regions.aws.AwsTags;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.core.model.StackSpec;
import dr.core.model.Tags;
import dr.regions.aws.AwsClients;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import dr.regions.step.StackOwnership;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stack-owned IAM role that one AWS service assumes: {@code <stack>-<role>} under {@link IdentityRoles#PATH}, trusted
 * by that service only, with the given AWS managed policies attached, tagged as the stack's. Found by name (GetRole,
 * which also answers the tags); a trust policy that drifted is put back, a missing attachment or tag added. A policy an
 * operator attached besides (AmazonSSMManagedInstanceCore for Session Manager on the app tier, say) is left alone. A role of that name without this stack's tag
 * belongs to someone else: dr fails rather than adopt it, since cleanup would later delete it.
 *
 * <p>Outputs {@code arn} and {@code changedAt}: when the trust policy last changed as far as dr knows (the role's
 * creation, or this run's update). IAM is eventually consistent, so a service handed the role right after that may
 * still refuse it; {@link RolePropagation} retries those refusals for a short while after {@code changedAt}.
 */
public final class ServiceRoleStep extends EnsureStep {
    private final StackSpec spec;
    private final AwsClients clients;
    private final String role;
    private final String service;
    private final List<String> managedPolicies;
    private Role seen;
    private Instant changedAt;
    private String foreignOwner;

    public ServiceRoleStep(StackSpec spec, AwsClients clients, String role, String service,
                           List<String> managedPolicies) {
        super(StepKey.global(role), List.of(), "AWS::IAM::Role", ModeledDurations.IMMEDIATE);
        this.spec = spec;
        this.clients = clients;
        this.role = role;
        this.service = service;
        this.managedPolicies = List.copyOf(managedPolicies);
    }

    public String name() {
        return spec.name(role);
    }

    @Override
    protected Optional<String> find(StepContext context) {
        try {
            seen = iam().getRole(r -> r.roleName(name())).role();
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
        changedAt = seen.createDate();
        foreignOwner = StackOwnership.foreignOwner(spec.stack(), IamTags.toMap(seen.tags()));
        return Optional.of(seen.roleName());
    }

    @Override
    protected String create(StepContext context) {
        try {
            seen = iam().createRole(r -> r.roleName(name()).path(IdentityRoles.PATH)
                    .assumeRolePolicyDocument(PolicyJson.trust(service))
                    .description("dr stack " + spec.stack() + ": assumed by " + service)
                    .tags(wantedTags())).role();
        } catch (EntityAlreadyExistsException e) {
            // A run that died right after CreateRole, and a GetRole that did not see the new role yet.
            seen = iam().getRole(r -> r.roleName(name())).role();
        }
        changedAt = seen.createDate();
        return seen.roleName();
    }

    @Override
    protected boolean converge(StepContext context, String name) {
        if (foreignOwner != null) {
            return false;
        }
        boolean changed = false;
        if (!PolicyJson.same(seen.assumeRolePolicyDocument(), PolicyJson.trust(service))) {
            iam().updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(PolicyJson.trust(service)));
            changedAt = context.clock().now();
            changed = true;
        }
        Set<String> attached = new TreeSet<>();
        iam().listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies()
                .forEach(p -> attached.add(p.policyArn()));
        for (String policy : managedPolicies) {
            if (!attached.contains(policy)) {
                iam().attachRolePolicy(r -> r.roleName(name).policyArn(policy));
                changed = true;
            }
        }
        return IamTags.addMissing(wantedTags(), seen.tags(),
                missing -> iam().tagRole(r -> r.roleName(name).tags(missing))) || changed;
    }

    @Override
    protected ResourceState readiness(StepContext context, String id) {
        return StackOwnership.readiness(foreignOwner, "a role");
    }

    /** {@code id} (the role name), {@code arn}, and {@code changedAt} (ISO-8601). */
    @Override
    protected Map<String, String> outputs(StepContext context, String id) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("id", id);
        outputs.put("arn", seen.arn());
        outputs.put("changedAt", changedAt.toString());
        return outputs;
    }

    private List<Tag> wantedTags() {
        return AwsTags.iam(Tags.forGlobal(spec.stack(), role));
    }

    private IamClient iam() {
        return clients.iam();
    }
}
