package dr.regions.images;

import dr.core.engine.ExecutionResult;
import dr.core.engine.Executor;
import dr.core.engine.Plan;
import dr.core.engine.ProgressListener;
import dr.core.engine.Step;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsErrorClassifier;
import dr.regions.backup.BackupSteps;
import dr.regions.identity.IdentitySteps;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.network.NetworkSteps;
import dr.regions.step.RegionTarget;
import dr.regions.security.SecuritySteps;

import java.util.ArrayList;
import java.util.List;

/**
 * A sandbox account and the part of the provision plan these tests need: network, security groups, AWS Backup,
 * golden images and the bastion, in both regions, run on the engine.
 */
public final class StackRun {
    public static final String PRIMARY = "us-east-1";
    public static final String DR = "us-west-2";

    private final InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());

    public InMemoryCloud cloud() {
        return cloud;
    }

    public static StackSpec defaultSpec() {
        return StackSpec.defaults(PRIMARY, DR);
    }

    public static Plan plan(StackSpec spec, InMemoryCloud cloud) {
        List<Step> steps = new ArrayList<>();
        for (RegionRole role : RegionRole.values()) {
            RegionTarget target = new RegionTarget(spec, role, cloud);
            steps.addAll(NetworkSteps.forRegion(target));
            steps.addAll(SecuritySteps.forRegion(target));
            steps.addAll(BackupSteps.forRegion(target));
            steps.addAll(ImageSteps.forRegion(target));
            steps.addAll(BastionSteps.forRegion(target));
        }
        steps.add(IdentitySteps.backupRole(spec, cloud));
        return Plan.of(steps);
    }

    public ExecutionResult run(StackSpec spec) {
        return new Executor(cloud.world().clock(), new AwsErrorClassifier(), ProgressListener.NONE)
                .run(plan(spec, cloud));
    }

    public ExecutionResult run() {
        return run(defaultSpec());
    }
}
