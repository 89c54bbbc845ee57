package dr.regions.aws;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.Executor;
import dr.core.engine.Plan;
import dr.core.engine.ProgressListener;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.StepOutcome;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Not found" from the in-memory cloud through the real classifier and engine: eventual consistency right after this
 * run's own create is waited out; a wrong id fails at once, not after the step's timeout. The EC2 fake's
 * eventual-consistency fault models what the EC2 guide describes: a describe right after a create may answer
 * {@code Invalid...ID.NotFound} ("Eventual consistency in the Amazon EC2 API", Amazon EC2 developer guide).
 */
class NotFoundRetryTest {
    private static final String REGION = "us-east-1";

    private final InMemoryCloud cloud = new InMemoryCloud();

    private ExecutionResult run(EnsureStep step) {
        return new Executor(cloud.world().clock(), new AwsErrorClassifier(), ProgressListener.NONE).run(Plan.of(step));
    }

    @Test
    void aWrongImageIdFailsAtOnceWithAwsError() {
        StepOutcome outcome = run(new ImageUser("ami-0123456789abcdef0")).outcome(ImageUser.KEY);

        assertThat(outcome.status()).isEqualTo(StepOutcome.Status.FAILED);
        assertThat(outcome.message()).startsWith("Ec2 DescribeImages: HTTP 400, InvalidAMIID.NotFound");
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(Duration.between(outcome.startedAt(), outcome.finishedAt())).isZero();
    }

    @Test
    void aVpcJustCreatedAndBrieflyInvisibleIsWaitedOut() {
        cloud.world().faults().eventualConsistency(true);

        StepOutcome outcome = run(new FreshVpc()).outcome(FreshVpc.KEY);

        assertThat(outcome.status()).isEqualTo(StepOutcome.Status.DONE);
        assertThat(outcome.action()).isEqualTo(Action.CREATE);
        assertThat(outcome.attempts()).as("the first describe missed the new VPC").isEqualTo(2);
    }

    private Ec2Client ec2() {
        return cloud.ec2(REGION);
    }

    /** Uses an image it did not create: a "not found" is the operator's mistake. */
    private final class ImageUser extends EnsureStep {
        static final StepKey KEY = StepKey.of(REGION, "image-user");
        private final String imageId;

        ImageUser(String imageId) {
            super(KEY, List.of(), "AWS::EC2::Image", Duration.ofSeconds(1));
            this.imageId = imageId;
        }

        @Override
        protected Optional<String> find(StepContext context) {
            return Optional.of(ec2().describeImages(r -> r.imageIds(imageId)).images().get(0).imageId());
        }

        @Override
        protected String create(StepContext context) {
            throw new AssertionError("found or failed");
        }
    }

    /** Creates a VPC, then reads it back by id. */
    private final class FreshVpc extends EnsureStep {
        static final StepKey KEY = StepKey.of(REGION, "vpc");

        FreshVpc() {
            super(KEY, List.of(), "AWS::EC2::VPC", Duration.ofSeconds(1));
        }

        @Override
        protected Optional<String> find(StepContext context) {
            return Optional.empty();
        }

        @Override
        protected String create(StepContext context) {
            return ec2().createVpc(r -> r.cidrBlock("10.10.0.0/16")).vpc().vpcId();
        }

        @Override
        protected ResourceState readiness(StepContext context, String id) {
            return ResourceState.of(ec2().describeVpcs(r -> r.vpcIds(id)).vpcs().get(0).stateAsString(), "available");
        }
    }
}
