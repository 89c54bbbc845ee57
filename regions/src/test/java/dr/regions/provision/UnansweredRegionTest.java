package dr.regions.provision;

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
}
