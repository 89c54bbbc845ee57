package dr.cli;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input is refused with exit 2 and one line naming the problem, before any AWS client is
 * created or called. Where it helps, a passing twin proves that the refused value is the only reason.
 */
class BadInputTest extends DrCommandTest {
    private void rejected(String message, String... args) {
        dr.assertRejected(dr.run(args), message);
    }

    /** One bad input of issue 2: what to prepare, the arguments, and the words the refusal must contain. */
    private record BadInput(String problem, Consumer<DrRunner> setUp, String message, String... args) {
        BadInput(String problem, String message, String... args) {
            this(problem, dr -> { }, message, args);
        }
    }

    private static final String[] PROVISION = {"provision", "--primary", "us-east-1", "--dr", "us-west-2"};

    private static String[] provision(String... extra) {
        return Arguments.join(PROVISION, extra, new String[] {"--sandbox"});
    }

    private static List<BadInput> everyBadInputOfTheFoundationIssue() {
        return List.of(
                new BadInput("unknown region", "is not a known AWS region",
                        "provision", "--primary", "us-east-9", "--dr", "us-west-2", "--sandbox"),
                new BadInput("primary equal to DR", "the DR region must differ",
                        "provision", "--primary", "us-east-1", "--dr", "us-east-1", "--sandbox"),
                new BadInput("missing --primary", "missing --primary", "provision", "--dr", "us-west-2", "--sandbox"),
                new BadInput("missing --dr", "missing --dr", "provision", "--primary", "us-east-1", "--sandbox"),
                new BadInput("malformed CIDR", "malformed CIDR", provision("--primary-cidr", "10.10.0/16")),
                new BadInput("VPC CIDR smaller than /24", "must be between /16 and /24",
                        provision("--dr-cidr", "10.20.0.0/25")),
                new BadInput("VPC CIDR larger than /16", "must be between /16 and /24",
                        provision("--primary-cidr", "10.0.0.0/15")),
                new BadInput("overlapping CIDRs", "overlap", provision("--dr-cidr", "10.10.128.0/17")),
                new BadInput("SSH open to the internet", "opens SSH to the whole internet",
                        provision("--admin-cidr", "0.0.0.0/0")),
                new BadInput("invalid domain", "is not a valid domain name", provision("--domain", "exa_mple.com")),
                new BadInput("invalid stack name", "is not a valid stack name",
                        "status", "--stack", "Shop_DR", "--sandbox"),
                new BadInput("unknown --output", "expected text or json", "status", "--output", "xml", "--sandbox"),
                new BadInput("unreadable config", dr -> { }, "cannot be read",
                        "status", "--config", "missing.yaml", "--sandbox"),
                new BadInput("malformed YAML", dr -> dr.file("stack.yaml", "stack: shop\nprimary: [us-east-1\n"),
                        "stack.yaml line 3: malformed YAML", "status", "--config", "stack.yaml", "--sandbox"),
                new BadInput("unknown config key", dr -> dr.file("stack.yaml", "stack: shop\nprimary-region: x\n"),
                        "unknown key 'primary-region'", "status", "--config", "stack.yaml", "--sandbox"),
                new BadInput("capacity min > max", "min 5 is greater than max 2", provision("--min", "5", "--max", "2")),
                new BadInput("negative capacity", "must not be negative", provision("--min", "-1")),
                new BadInput("--sandbox with --endpoint-url", "--sandbox cannot be combined with --endpoint-url",
                        "status", "--sandbox", "--endpoint-url", "http://localhost:4566"),
                new BadInput("--sandbox with --profile", "--sandbox cannot be combined with --profile",
                        "status", "--profile", "prod", "--sandbox"),
                new BadInput("--endpoint-url not http(s)", dr -> dr.environment.withAccessKeys(),
                        "is not an http(s) URL", "status", "--endpoint-url", "ftp://localhost:4566"),
                new BadInput("AWS_ENDPOINT_URL not http(s)",
                        dr -> dr.environment.withAccessKeys().set("AWS_ENDPOINT_URL", "localstack"),
                        "AWS_ENDPOINT_URL 'localstack' is not an http(s) URL", "status"));
    }

    @Test
    void everyBadInputOfTheFoundationIssueExitsTwoWithOneLineAndNoAwsCall() {
        List<BadInput> inputs = everyBadInputOfTheFoundationIssue();
        int exitedTwo = 0;
        long awsCalls = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            BadInput input = inputs.get(i);
            DrRunner runner = new DrRunner(temp.resolve("input-" + i));
            input.setUp().accept(runner);
            DrRunner.Result result = runner.run(input.args());
            long calls = runner.cloud.world().calls().total();
            awsCalls += calls;
            if (result.exitCode() == 2) {
                exitedTwo++;
            }
            boolean oneClearLine = result.errLines().size() == 1 && result.errLines().get(0).startsWith("dr: ")
                    && result.errLines().get(0).contains(input.message());
            if (result.exitCode() != 2 || calls != 0 || !runner.sessionsOpened.isEmpty() || !oneClearLine
                    || !result.out().isEmpty()) {
                wrong.add(input.problem() + ": exit " + result.exitCode() + ", " + calls + " calls, "
                        + runner.sessionsOpened.size() + " sessions, stderr "
                        + result.err().strip());
            }
        }
        System.out.printf("RELIABILITY every bad input of the CLI: %d/%d exit 2, %d AWS calls%n", exitedTwo,
                inputs.size(), awsCalls);
        assertThat(wrong).as("bad inputs not refused cleanly before any AWS call").isEmpty();
    }

    @Nested
    class Regions {
        @Test
        void unknownRegionIsRefusedWithASuggestion() {
            rejected("--primary: 'us-east-9' is not a known AWS region; did you mean 'us-east-1'?",
                    "provision", "--primary", "us-east-9", "--dr", "us-west-2", "--sandbox");
        }

        @Test
        void unknownRegionIsRefusedByEveryCommandNotJustProvision() {
            rejected("--dr: 'mars-north-1' is not a known AWS region", "status", "--dr", "mars-north-1", "--sandbox");
        }

        @Test
        void primaryEqualToDrIsRefused() {
            rejected("--primary and --dr are both us-east-1: the DR region must differ from the primary region",
                    "provision", "--primary", "us-east-1", "--dr", "us-east-1", "--sandbox");
        }

        @Test
        void provisionWithoutPrimaryIsRefused() {
            rejected("missing --primary: provision needs both the primary and the DR region",
                    "provision", "--dr", "us-west-2", "--sandbox");
        }

        @Test
        void provisionWithoutDrIsRefused() {
            rejected("missing --dr: provision needs both", "provision", "--primary", "us-east-1", "--sandbox");
        }

        @Test
        void otherCommandsMayLeaveTheRegionsToDiscovery() {
            DrRunner.Result result = dr.run("status", "--sandbox");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.errLines()).containsExactly("dr: cannot find both regions of stack 'dr' from its tags; "
                    + "pass --primary and --dr");
            assertThat(dr.cloud.world().calls().byOperation()).as("discovery looked for the stack's VPCs")
                    .containsKey("ec2:DescribeVpcs");
        }
    }

    @Nested
    class Cidrs {
        @Test
        void malformedCidrIsRefused() {
            rejected("--primary-cidr: malformed CIDR '10.10.0/16': expected a.b.c.d/n",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--primary-cidr", "10.10.0/16", "--sandbox");
        }

        @Test
        void cidrWithHostBitsIsRefusedWithTheFix() {
            rejected("--admin-cidr: malformed CIDR '203.0.113.10/24': host bits are set; did you mean 203.0.113.0/24?",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--admin-cidr", "203.0.113.10/24",
                    "--sandbox");
        }

        @Test
        void vpcCidrSmallerThanSlash24IsRefused() {
            rejected("--dr-cidr: VPC CIDR 10.20.0.0/25 must be between /16 and /24",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--dr-cidr", "10.20.0.0/25", "--sandbox");
        }

        @Test
        void vpcCidrLargerThanSlash16IsRefused() {
            rejected("--primary-cidr: VPC CIDR 10.0.0.0/15 must be between /16 and /24",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--primary-cidr", "10.0.0.0/15", "--sandbox");
        }

        @Test
        void overlappingPrimaryAndDrCidrsAreRefused() {
            rejected("--primary-cidr 10.10.0.0/16 and --dr-cidr 10.10.128.0/17 overlap",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--dr-cidr", "10.10.128.0/17", "--sandbox");
        }

        @Test
        void sshOpenToTheInternetIsRefusedWithoutAllowOpenSsh() {
            rejected("--admin-cidr: 0.0.0.0/0 opens SSH to the whole internet",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--admin-cidr", "0.0.0.0/0", "--sandbox");
        }

        @Test
        void sshOpenToTheInternetPassesWithAllowOpenSsh() {
            dr.assertSucceeded(dr.run("provision", "--primary", "us-east-1", "--dr", "us-west-2",
                    "--admin-cidr", "0.0.0.0/0", "--allow-open-ssh", "--sandbox", "--dry-run"));
        }
    }

    @Nested
    class Names {
        @Test
        void invalidDomainIsRefused() {
            rejected("--domain: 'exa_mple.com' is not a valid domain name",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--domain", "exa_mple.com", "--sandbox");
        }

        @Test
        void invalidStackNameIsRefused() {
            rejected("--stack: 'Shop_DR' is not a valid stack name", "status", "--stack", "Shop_DR", "--sandbox");
        }

        @Test
        void invalidInstanceTypeIsRefused() {
            rejected("--db-instance-class: 't3.micro' is not an RDS instance class (e.g. db.t3.micro)",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--db-instance-class", "t3.micro",
                    "--sandbox");
        }
    }

    @Nested
    class Capacity {
        @Test
        void minAboveMaxIsRefused() {
            rejected("primary capacity (--min, --max): min 5 is greater than max 2",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--min", "5", "--max", "2", "--sandbox");
        }

        @Test
        void negativeMinIsRefused() {
            rejected("primary capacity (--min): must not be negative",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--min", "-1", "--sandbox");
        }

        @Test
        void negativeDrCapacityIsRefused() {
            rejected("--dr-capacity: capacity must not be negative (-1)",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--dr-capacity=-1", "--sandbox");
        }

        @Test
        void aCapacityThatIsNotANumberIsRefused() {
            rejected("Invalid value for option '--max': 'four' is not an int",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--max", "four", "--sandbox");
        }

        @Test
        void healthCheckIntervalOtherThan10Or30IsRefused() {
            rejected("--health-check-interval: 15 seconds is not a Route 53 health check interval",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--health-check-interval", "15",
                    "--sandbox");
        }

        @Test
        void healthCheckThresholdAbove10IsRefused() {
            rejected("--health-check-threshold: 11 is not a Route 53 failure threshold",
                    "provision", "--primary", "us-east-1", "--dr", "us-west-2", "--health-check-threshold", "11",
                    "--sandbox");
        }
    }

    @Nested
    class Output {
        @Test
        void unknownOutputFormatIsRefused() {
            rejected("Invalid value for option '--output': expected text or json, got 'xml'",
                    "status", "--output", "xml", "--sandbox");
        }

        @Test
        void verboseAndQuietTogetherAreRefused() {
            rejected("-v/--verbose and -q/--quiet cannot be used together", "status", "-v", "-q", "--sandbox");
        }

        @Test
        void anUnknownOptionIsRefusedWithASuggestion() {
            rejected("Unknown options: '--primry', 'us-east-1'; did you mean --primary-cidr or --primary",
                    "provision", "--primry", "us-east-1", "--sandbox");
        }

        @Test
        void aMistypedCommandIsRefusedWithASuggestion() {
            rejected("Unmatched argument at index 0: 'provison'; did you mean provision", "provison", "--sandbox");
        }

        @Test
        void aGroupWithoutItsSubcommandIsRefused() {
            rejected("'dr failover' needs a command: drill, restore", "failover");
        }

        @Test
        void noCommandAtAllIsRefused() {
            rejected("'dr' needs a command: provision, status, failover", new String[0]);
        }

        @Test
        void aRunbookWithoutItsNameIsRefused() {
            rejected("Missing required parameter: 'NAME|FILE'", "runbook", "show");
        }
    }

    @Nested
    class ConfigFile {
        @Test
        void malformedYamlIsRefusedWithItsLine() {
            dr.file("stack.yaml", "stack: shop\nprimary: [us-east-1\n");

            rejected("stack.yaml line 3: malformed YAML: expected ',' or ']', but got <stream end>", "status", "--config", "stack.yaml", "--sandbox");
        }

        @Test
        void unknownKeyIsRefusedWithFileAndLine() {
            dr.file("stack.yaml", "stack: shop\nprimary-region: us-east-1\n");

            rejected("stack.yaml line 2: unknown key 'primary-region'", "status", "--config", "stack.yaml", "--sandbox");
        }

        @Test
        void unreadableConfigFileIsRefused() {
            rejected("config file missing.yaml cannot be read: no such file",
                    "status", "--config", "missing.yaml", "--sandbox");
        }

        @Test
        void theDefaultDrYamlIsReadWhenPresent() {
            dr.file("dr.yaml", "primary: us-east-1\ndr: us-east-1\n");

            rejected("dr.yaml line 1 (primary) and dr.yaml line 2 (dr) are both us-east-1", "status", "--sandbox");
        }

        @Test
        void aBadValueInTheConfigIsReportedWithItsLine() {
            dr.file("dr.yaml", "primary: us-east-1\ndr: us-west-2\nmin: 5\nmax: 2\n");

            rejected("primary capacity (dr.yaml line 3 (min), dr.yaml line 4 (max)): min 5 is greater than max 2",
                    "provision", "--sandbox");
        }

        @Test
        void theCommandLineWinsOverTheConfig() {
            dr.file("dr.yaml", "primary: us-east-1\ndr: us-west-2\nadmin-cidr: 0.0.0.0/0\n");

            dr.assertRejected(dr.run("provision", "--sandbox"), "dr.yaml line 3 (admin-cidr): 0.0.0.0/0 opens SSH");
            dr.assertSucceeded(dr.run("provision", "--admin-cidr", "203.0.113.10/32", "--sandbox", "--dry-run"));
        }
    }

    @Nested
    class Connection {
        @Test
        void sandboxWithEndpointUrlIsRefused() {
            rejected("--sandbox cannot be combined with --endpoint-url",
                    "status", "--sandbox", "--endpoint-url", "http://localhost:4566");
        }

        @Test
        void sandboxWithProfileIsRefused() {
            rejected("--sandbox cannot be combined with --profile", "status", "--profile", "prod", "--sandbox");
        }

        @Test
        void endpointUrlThatIsNotHttpIsRefused() {
            dr.environment.withAccessKeys();

            rejected("--endpoint-url 'ftp://localhost:4566' is not an http(s) URL",
                    "status", "--endpoint-url", "ftp://localhost:4566");
            rejected("--endpoint-url 'localhost:4566' is not an http(s) URL",
                    "status", "--endpoint-url", "localhost:4566");
        }

        @Test
        void endpointFromTheEnvironmentThatIsNotHttpIsRefused() {
            dr.environment.withAccessKeys().set("AWS_ENDPOINT_URL", "localstack");

            rejected("AWS_ENDPOINT_URL 'localstack' is not an http(s) URL", "status");
        }

        @Test
        void anHttpEndpointIsAccepted() {
            dr.environment.withAccessKeys();

            DrRunner.Result result = dr.run("status", "--endpoint-url", "http://localhost:4566");

            assertThat(result.errLines()).as("the command ran: discovery found no stack in the empty cloud")
                    .containsExactly("dr: cannot find both regions of stack 'dr' from its tags; pass --primary and --dr");
        }
    }
}
