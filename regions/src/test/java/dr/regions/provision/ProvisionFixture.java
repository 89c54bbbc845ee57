package dr.regions.provision;

import dr.core.engine.ProgressListener;
import dr.core.model.StackSpec;
import dr.core.report.ProvisionReport;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;

/** A sandbox account and a way to provision a stack into it, for tests. */
public final class ProvisionFixture {
    public static final String PRIMARY = "us-east-1";
    public static final String DR = "us-west-2";

    private final InMemoryCloud cloud;

    public ProvisionFixture() {
        this.cloud = new InMemoryCloud(SandboxAccount.create());
    }

    public InMemoryCloud cloud() {
        return cloud;
    }

    public static StackSpec defaultSpec() {
        return StackSpec.defaults(PRIMARY, DR);
    }

    public ProvisionReport provision(StackSpec spec) {
        return new Provisioning(spec, cloud, cloud.world().clock()).run(ProgressListener.NONE);
    }
}
