package dr.regions.readiness;

import dr.core.model.StackSpec;
import dr.core.report.ProvisionReport;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.SandboxStore;
import dr.regions.provision.ProvisionFixture;

/**
 * A sandbox account holding stack {@code dr} fully provisioned with the domain {@code example.com}, built once per
 * test run and handed out as copies (through the sandbox's JSON form) with a clean call log, so that each test of
 * status or promotion starts from the same ready stack.
 */
public final class ReadyStack {
    public static final String PRIMARY = ProvisionFixture.PRIMARY;
    public static final String DR = ProvisionFixture.DR;
    public static final String DOMAIN = SandboxAccount.PUBLIC_DOMAIN;

    private static String template;

    private ReadyStack() {
    }

    public static StackSpec spec() {
        return ProvisionFixture.defaultSpec().withDomain(DOMAIN);
    }

    /** A fresh copy of the provisioned account. */
    public static synchronized InMemoryCloud cloud() {
        if (template == null) {
            ProvisionFixture fixture = new ProvisionFixture();
            ProvisionReport report = fixture.provision(spec());
            if (!report.succeeded()) {
                throw new AssertionError("provision failed: " + report.result().failed());
            }
            template = SandboxStore.toJson(fixture.cloud().world());
        }
        return new InMemoryCloud(SandboxStore.fromJson(template));
    }

    /** The sandbox file form of a fresh copy, for CLI tests that start from a file. */
    public static synchronized String json() {
        cloud();
        return template;
    }
}
