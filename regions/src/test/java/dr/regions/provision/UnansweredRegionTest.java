package dr.regions.provision;

import dr.core.DrException;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsCall;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.world.Service;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class UnansweredRegionTest {
    private final InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());

    /**
     * A call to a dark region names its service, operation and region, as the real clients' interceptor names every
     * failed call (AwsExecutionAttribute.AWS_REGION), the request that got no answer included.
     */
    @Test
    void aCallToADarkRegionIsNamedWithItsRegion() {
        cloud.world().faults().regionUnreachable(ProvisionFixture.PRIMARY);

        Throwable error = catchThrowable(() -> cloud.ec2(ProvisionFixture.PRIMARY).describeVpcs());

        assertThat(error).isInstanceOf(SdkClientException.class);
        AwsCall call = AwsCall.of(error).orElseThrow();
        assertThat(call.service()).isEqualTo("Ec2");
        assertThat(call.operation()).isEqualTo("DescribeVpcs");
        assertThat(call.region()).contains(ProvisionFixture.PRIMARY);
        assertThat(UnansweredRegion.explain(error, ProvisionFixture.defaultSpec(), false)).get()
                .extracting(Throwable::getMessage).asString()
                .startsWith(ProvisionFixture.PRIMARY + " (the primary region) does not answer: Ec2 DescribeVpcs: "
                        + "no HTTP status, no code: Unable to execute HTTP request")
                .contains("'dr promote-replica --stack " + ProvisionFixture.defaultSpec().stack() + " --dr "
                        + ProvisionFixture.DR + "'");
    }

    @Test
    void anAnswerIsNotAnOutageNorIsARegionOutsideTheStack() {
        Throwable refused = AwsCall.mark(Service.EC2.badRequest("UnauthorizedOperation", "no"), "Ec2",
                "DescribeVpcs", ProvisionFixture.PRIMARY);
        cloud.world().faults().regionUnreachable("eu-west-1");
        Throwable elsewhere = catchThrowable(() -> cloud.ec2("eu-west-1").describeVpcs());

        assertThat(UnansweredRegion.explain(refused, ProvisionFixture.defaultSpec(), false)).isEmpty();
        assertThat(UnansweredRegion.explain(elsewhere, ProvisionFixture.defaultSpec(), false)).isEmpty();
    }

    /**
     * A global service's call (Route 53 here, as the stack lock makes it) is named without a region, as the real
     * clients name aws-global's; its API lives in us-east-1. An error already explained keeps its words.
     */
    @Test
    void aGlobalCallToADarkUsEast1GetsTheAdviceWhenUsEast1IsTheStacksPrimary() {
        cloud.world().faults().regionUnreachable("us-east-1");
        Throwable route53 = catchThrowable(() -> cloud.route53().listHostedZones());
        assertThat(AwsCall.of(route53).orElseThrow().region()).isEmpty();
        DrException lock = new DrException(dr.core.ExitCode.FAILED, "the stack lock could not be taken: Route 53's API"
                + " does not answer; nothing was changed: try again when it answers", route53);

        assertThat(ProvisionFixture.PRIMARY).isEqualTo("us-east-1");
        assertThat(UnansweredRegion.explain(lock, ProvisionFixture.defaultSpec(), true)).get()
                .extracting(Throwable::getMessage).asString()
                .startsWith(lock.getMessage() + ". If us-east-1 is down, 'dr promote-replica --stack "
                        + ProvisionFixture.defaultSpec().stack() + " --dr " + ProvisionFixture.DR + " --sandbox'")
                .contains("'dr reprotect'");
        StackSpec elsewhere = StackSpec.defaults("eu-west-1", "eu-central-1");
        assertThat(UnansweredRegion.explain(lock, elsewhere, true)).as("us-east-1 is not the stack's").isEmpty();
    }
}
