package dr.regions.drill;

import dr.core.model.StackSpec;
import dr.core.report.ProvisionReport;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.SandboxStore;
import dr.regions.provision.ProvisionFixture;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Provisioned sandbox stacks for drill tests: each spec is provisioned once per JVM, and every caller gets its own
 * copy of that world (through the sandbox file format), so tests can break and restore without seeing each other.
 */
public final class DrillStacks {
    public static final String PRIMARY = ProvisionFixture.PRIMARY;
    public static final String DR = ProvisionFixture.DR;

    private static final Map<StackSpec, String> PROVISIONED = new ConcurrentHashMap<>();

    private DrillStacks() {
    }

    /** The default stack with {@code --domain example.com}: api failover records and CloudFront on app.example.com. */
    public static StackSpec withDomain() {
        return ProvisionFixture.defaultSpec().withDomain(SandboxAccount.PUBLIC_DOMAIN);
    }

    public static StackSpec withoutDomain() {
        return ProvisionFixture.defaultSpec();
    }

    /** A fresh copy of a sandbox account where {@code spec} was provisioned successfully. */
    public static InMemoryCloud provisioned(StackSpec spec) {
        String json = PROVISIONED.computeIfAbsent(spec, DrillStacks::provision);
        return new InMemoryCloud(SandboxStore.fromJson(json));
    }

    private static String provision(StackSpec spec) {
        ProvisionFixture fixture = new ProvisionFixture();
        ProvisionReport report = fixture.provision(spec);
        if (!report.succeeded()) {
            throw new IllegalStateException("provisioning the drill stack failed: " + report.result().failed());
        }
        return SandboxStore.toJson(fixture.cloud().world());
    }
}
