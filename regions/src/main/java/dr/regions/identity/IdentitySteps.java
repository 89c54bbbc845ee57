package dr.regions.identity;

import dr.core.engine.Step;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.topology.Tier;

import java.util.ArrayList;
import java.util.List;

/**
 * The stack's IAM resources as steps (global): the role AWS Backup assumes for the plan, the on-demand image backups
 * and the cross-region copies; the app tier's role, its {@code rds-db:connect} policy and its instance profile.
 * provision and cleanup call IAM; promote-replica never does (IAM's control plane is in us-east-1). With both tier
 * images brought by the operator no Backup job or selection runs, so there is no Backup role either.
 */
public final class IdentitySteps {
    private IdentitySteps() {
    }

    public static List<Step> forStack(StackSpec spec, AwsClients clients) {
        List<Step> steps = new ArrayList<>();
        if (!Tier.baked(spec).isEmpty()) {
            steps.add(backupRole(spec, clients));
        }
        steps.addAll(appInstanceProfile(spec, clients));
        steps.add(new DbConnectPolicyStep(spec, clients));
        return steps;
    }

    /** The app role and its instance profile: what the app launch templates need. */
    public static List<Step> appInstanceProfile(StackSpec spec, AwsClients clients) {
        return List.of(new ServiceRoleStep(spec, clients, IdentityRoles.APP_ROLE, IdentityRoles.EC2_SERVICE, List.of()),
                new InstanceProfileStep(spec, clients));
    }

    /** The role AWS Backup assumes, alone: what the backup and image steps need. */
    public static Step backupRole(StackSpec spec, AwsClients clients) {
        return new ServiceRoleStep(spec, clients, IdentityRoles.BACKUP_ROLE, IdentityRoles.BACKUP_SERVICE,
                IdentityRoles.BACKUP_POLICIES);
    }
}
