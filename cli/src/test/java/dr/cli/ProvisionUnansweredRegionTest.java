package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provision on a stack one of whose regions does not answer: its first read (before the stack lock) meets the dark
 * region, and the operator gets one line naming the region and the failed call, as every AWS error line does
 * (README, "Exit codes"), with what to do instead; exit 1, an AWS error, never an internal error.
 */
class ProvisionUnansweredRegionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static String[] provision(String... more) {
        String[] base = {"provision", "--sandbox", "--primary", ReadyStack.PRIMARY, "--dr", ReadyStack.DR};
        return Arguments.join(base, more);
    }

    @Test
    void aDarkPrimaryRegionIsOneLineNamingItTheCallAndPromoteReplica() throws Exception {
        DrRunner dr = new DrRunner(temp, ReadyStack.cloud());
        dr.cloud.world().faults().regionUnreachable(ReadyStack.PRIMARY);
        DrRunner.Mark before = dr.mark();

        DrRunner.Result result = dr.run(provision());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("dr: " + ReadyStack.PRIMARY + " (the primary region) does not "
                + "answer: Ec2 DescribeVpcs: no HTTP status, no code: Unable to execute HTTP request: ec2."
                + ReadyStack.PRIMARY + ".amazonaws.com").contains("Nothing was changed.",
                "'dr promote-replica --stack dr --dr " + ReadyStack.DR + " --sandbox'", "'dr reprotect'");
        assertThat(result.out()).isEmpty();
        assertThat(dr.changesBesideTheLockSince(before)).isEmpty();

        DrRunner.Result json = dr.run(provision("--output", "json"));
        JsonNode error = JSON.readTree(json.out()).get("error");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(error.get("exitCode").asInt()).isEqualTo(1);
        assertThat(error.get("message").asText()).startsWith(ReadyStack.PRIMARY + " (the primary region) does not");
        // the request got no answer: the call's parts as the line names them, no HTTP status and no code
        JsonNode aws = error.get("aws");
        assertThat(aws).as(json.out()).isNotNull();
        assertThat(aws.get("service").asText()).isEqualTo("Ec2");
        assertThat(aws.get("operation").asText()).isEqualTo("DescribeVpcs");
        assertThat(aws.get("region").asText()).isEqualTo(ReadyStack.PRIMARY);
        assertThat(aws.get("message").asText()).startsWith("Unable to execute HTTP request: ec2." + ReadyStack.PRIMARY
                + ".amazonaws.com");
        assertThat(aws.has("status")).isFalse();
        assertThat(aws.has("code")).isFalse();
        assertThat(json.out()).doesNotContain("null");
    }

    /**
     * With --yes there is no look at the stack before the lock: the stack lock (a Route 53 record; Route 53's API lives
     * in us-east-1) is what meets the dark primary first. Its line keeps saying so and gets the same advice.
     */
    @Test
    void withYesTheStackLockMeetsTheDarkPrimaryFirstAndGivesTheSameAdvice() throws Exception {
        DrRunner dr = new DrRunner(temp, ReadyStack.cloud());
        dr.cloud.world().faults().regionUnreachable(ReadyStack.PRIMARY);
        DrRunner.Mark before = dr.mark();

        DrRunner.Result result = dr.run(provision("--yes"));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("dr: the stack lock could not be taken: Route 53's API does "
                + "not answer").contains("nothing was changed",
                "'dr promote-replica --stack dr --dr " + ReadyStack.DR + " --sandbox'", "'dr reprotect'");
        assertThat(dr.changesBesideTheLockSince(before)).isEmpty();

        DrRunner.Result json = dr.run(provision("--yes", "--output", "json"));
        JsonNode error = JSON.readTree(json.out()).get("error");
        assertThat(error.get("message").asText()).contains("'dr promote-replica --stack dr");
        assertThat(error.at("/aws/service").asText()).isEqualTo("Route53");
        assertThat(error.at("/aws/message").asText()).startsWith("Unable to execute HTTP request: route53.amazonaws.com");
    }

    @Test
    void aDarkDrRegionSaysProvisionNeedsBothRegions() {
        DrRunner dr = new DrRunner(temp, ReadyStack.cloud());
        dr.cloud.world().faults().regionUnreachable(ReadyStack.DR);

        DrRunner.Result result = dr.run(provision());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("dr: " + ReadyStack.DR + " (the DR region) does not answer: ")
                .contains(".amazonaws.com", "Nothing was changed.", "run it again once " + ReadyStack.DR + " answers")
                .doesNotContain("promote-replica");
    }
}
