package dr.regions.conformance;

import dr.core.clock.Clock;
import dr.regions.aws.AwsClients;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.moto.EmulatorClock;
import dr.regions.moto.Moto;

/** The two implementations of AWS every conformance scenario runs against, through the production interface. */
enum Implementation {
    IN_MEMORY("in-memory cloud"),
    MOTO("moto");

    private final String label;

    Implementation(String label) {
        this.label = label;
    }

    /**
     * A fresh account: the sandbox account for the in-memory cloud (base images, public zone {@code example.com});
     * for moto, the server (already reset by the extension) with the same public zone created (its base images are
     * moto's default AMIs).
     */
    Cloud open(Moto moto) {
        return switch (this) {
            case IN_MEMORY -> {
                InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());
                yield new Cloud(this, cloud, cloud.world().clock());
            }
            case MOTO -> {
                AwsClients clients = moto.clients();
                clients.route53().createHostedZone(r -> r.name(SandboxAccount.PUBLIC_DOMAIN)
                        .callerReference("conformance-public-zone"));
                yield new Cloud(this, clients, new EmulatorClock());
            }
        };
    }

    @Override
    public String toString() {
        return label;
    }

    /** One opened implementation: its clients and the clock its waits run on. */
    record Cloud(Implementation implementation, AwsClients clients, Clock clock) implements AutoCloseable {
        @Override
        public void close() {
            clients.close();
        }
    }
}
