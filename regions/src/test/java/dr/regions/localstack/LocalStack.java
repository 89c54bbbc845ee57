package dr.regions.localstack;

import dr.core.clock.SystemClock;
import dr.core.engine.ExecutionResult;
import dr.core.engine.Executor;
import dr.core.engine.Plan;
import dr.core.engine.ProgressListener;
import dr.core.engine.Step;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.aws.AwsErrorClassifier;
import dr.regions.aws.ClientSettings;
import dr.regions.aws.SdkAwsClients;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One LocalStack container for the whole test run (started on first use, removed by Testcontainers when the JVM
 * ends) and sessions on it: production {@link SdkAwsClients} pointed at {@code getEndpoint()}.
 *
 * <p>The production factory takes credentials only from the SDK's default chain, so a session sets the chain's
 * first source, the {@code aws.accessKeyId}/{@code aws.secretAccessKey} system properties, to the container's
 * static test keys, and restores them when it closes.
 */
final class LocalStack {
    private static final String ACCESS_KEY_PROPERTY = "aws.accessKeyId";
    private static final String SECRET_KEY_PROPERTY = "aws.secretAccessKey";
    private static LocalStackContainer container;

    private LocalStack() {
    }

    static synchronized LocalStackContainer container() {
        if (container == null) {
            LocalStackContainer started = new LocalStackContainer(DockerImageName.parse(LocalStackImage.IMAGE))
                    .withServices(LocalStackImage.services(LocalStackImage.IMAGE).toArray(String[]::new));
            LocalStackCondition.authToken().ifPresent(token -> started.withEnv(LocalStackImage.AUTH_TOKEN_VARIABLE, token));
            started.start();
            container = started;
        }
        return container;
    }

    static Session open() {
        return new Session(container());
    }

    /** A stack spec of its own per test class, so classes sharing the container never see each other's resources. */
    static StackSpec spec(String stack, String region) {
        StackSpec base = StackSpec.defaults(region, region.equals("us-west-2") ? "us-east-1" : "us-west-2");
        return new StackSpec(stack, base.primaryRegion(), base.drRegion(), base.primaryCidr(), base.drCidr(),
                base.domain(), base.adminCidr(), base.natPerAz(), base.webInstanceType(), base.appInstanceType(),
                base.dbInstanceClass(), base.dbAllocatedStorageGib(), base.dbEngineVersion(), base.dbName(),
                base.dbMasterUsername(), base.primaryCapacity(), base.drCapacity(), base.healthCheckPath(),
                base.healthCheckIntervalSeconds(), base.healthCheckFailureThreshold(), stack + ".internal");
    }

    /** Clients on the container through the production factory; close to restore the credential properties. */
    static final class Session implements AutoCloseable {
        private final Map<String, Optional<String>> previous = new LinkedHashMap<>();
        private final AwsClients clients;

        private Session(LocalStackContainer container) {
            set(ACCESS_KEY_PROPERTY, container.getAccessKey());
            set(SECRET_KEY_PROPERTY, container.getSecretKey());
            clients = new SdkAwsClients(new ClientSettings(Optional.empty(), Optional.of(container.getEndpoint())));
        }

        AwsClients clients() {
            return clients;
        }

        /** Runs steps on the production engine, on the real clock, as {@code dr provision} would. */
        ExecutionResult run(Collection<? extends Step> steps) {
            return new Executor(new SystemClock(), new AwsErrorClassifier(), ProgressListener.NONE).run(Plan.of(steps));
        }

        private void set(String property, String value) {
            previous.put(property, Optional.ofNullable(System.getProperty(property)));
            System.setProperty(property, value);
        }

        @Override
        public void close() {
            clients.close();
            previous.forEach((property, value) -> value.ifPresentOrElse(
                    v -> System.setProperty(property, v), () -> System.clearProperty(property)));
        }
    }

    /**
     * A test class's steps, run once on a session of its own before its first test; the session is closed after its
     * last ({@code @RegisterExtension static final LocalStack.Provisioned STACK = ...}).
     */
    static final class Provisioned implements BeforeAllCallback, AfterAllCallback {
        private final Function<AwsClients, List<Step>> steps;
        private Session session;
        private ExecutionResult firstRun;

        /** {@code steps}: the steps over the session's clients. */
        Provisioned(Function<AwsClients, List<Step>> steps) {
            this.steps = steps;
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            session = open();
            firstRun = session.run(steps.apply(session.clients()));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (session != null) {
                session.close();
            }
        }

        AwsClients clients() {
            return session.clients();
        }

        ExecutionResult firstRun() {
            return firstRun;
        }

        /** The same steps again, as a second run of provision would. */
        ExecutionResult runAgain() {
            return run(steps.apply(session.clients()));
        }

        ExecutionResult run(Collection<? extends Step> other) {
            return session.run(other);
        }
    }
}
