package dr.cli;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A command that needs AWS and finds no credentials stops with exit 2 and says how to provide them. */
class CredentialsTest extends DrCommandTest {
    /** The command ran past the credential check: it looked for the stack (the test cloud is empty). */
    private static void assertPassedTheCheck(DrRunner.Result result) {
        assertThat(result.errLines()).containsExactly("dr: cannot find both regions of stack 'dr' from its tags; "
                + "pass --primary and --dr");
    }

    private void awsFile(String name, String content) throws IOException {
        Path aws = Files.createDirectories(dr.environment.homeDirectory().resolve(".aws"));
        Files.writeString(aws.resolve(name), content);
    }

    @Nested
    class NoneFound {
        @Test
        void statusWithoutCredentialsNamesEveryWayToProvideThem() {
            DrRunner.Result result = dr.run("status");

            dr.assertRejected(result, "no AWS credentials found");
            assertThat(result.err()).contains("--profile", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                    "--endpoint-url", "--sandbox");
        }

        @Test
        void everyCommandThatCallsAwsChecks() {
            String[][] commands = {
                {"provision", "--primary", "us-east-1", "--dr", "us-west-2"},
                {"failover", "drill"}, {"failover", "restore"}, {"promote-replica"}, {"cleanup"},
                {"runbook", "run", "failover-drill"}};
            for (String[] command : commands) {
                dr.assertRejected(dr.run(command), "no AWS credentials found");
            }
        }

        @Test
        void theDryRunsThatReadTheCloudCheckToo() {
            dr.assertRejected(dr.run("provision", "--primary", "us-east-1", "--dr", "us-west-2", "--dry-run"),
                    "no AWS credentials found");
            dr.assertRejected(dr.run("cleanup", "--dry-run"), "no AWS credentials found");
        }

        @Test
        void onlyTheSecretWithoutTheKeyIdIsNotEnough() {
            dr.environment.set("AWS_SECRET_ACCESS_KEY", "secret");

            dr.assertRejected(dr.run("status"), "no AWS credentials found");
        }

        @Test
        void aProfileThatIsDefinedNowhereIsRefused() throws IOException {
            awsFile("config", "[profile staging]\nregion = us-east-1\n");

            dr.assertRejected(dr.run("status", "--profile", "prod"), "--profile prod: no such profile in");
        }

        @Test
        void anAwsProfileVariableThatIsDefinedNowhereIsRefused() {
            dr.environment.set("AWS_PROFILE", "prod");

            dr.assertRejected(dr.run("status"), "AWS_PROFILE prod: no such profile in");
        }
    }

    @Nested
    class Found {
        @Test
        void accessKeysInTheEnvironment() {
            dr.environment.withAccessKeys();

            assertPassedTheCheck(dr.run("status"));
        }

        @Test
        void aSharedCredentialsFile() throws IOException {
            awsFile("credentials", "[default]\naws_access_key_id = AKIAEXAMPLE\n");

            assertPassedTheCheck(dr.run("status"));
        }

        @Test
        void aNamedProfileInTheConfigFile() throws IOException {
            awsFile("config", "[default]\nregion = us-east-1\n\n[profile prod]\nsso_session = corp\n");

            assertPassedTheCheck(dr.run("status", "--profile", "prod"));
        }

        @Test
        void webIdentityContainerOrInstanceRole() {
            dr.environment.set("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token");
            assertPassedTheCheck(dr.run("status"));

            DrRunner container = new DrRunner(temp.resolve("container"));
            container.environment.set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc");
            assertPassedTheCheck(container.run("status"));

            DrRunner ec2 = new DrRunner(temp.resolve("ec2"));
            ec2.environment.onEc2();
            assertPassedTheCheck(ec2.run("status"));
        }
    }

    @Nested
    class NotNeeded {
        @Test
        void dryRunSandboxAndLocalCommandsNeedNoCredentials() {
            dr.assertSucceeded(dr.run("promote-replica", "--dr", "us-west-2", "--dry-run"));
            dr.assertSucceeded(dr.run("failover", "drill", "--primary", "us-east-1", "--dr", "us-west-2", "--dry-run"));
            assertPassedTheCheck(dr.run("status", "--sandbox"));
            dr.assertSucceeded(dr.run("iam-policy"));
            dr.assertSucceeded(dr.run("graph", "--primary", "us-east-1", "--dr", "us-west-2"));
            dr.assertSucceeded(dr.run("runbook", "list"));
            dr.assertSucceeded(dr.run("runbook", "show", "failover-drill"));
            assertThat(dr.run("completion", "bash").exitCode()).isZero();
            assertThat(dr.run("status", "--help").exitCode()).isZero();
        }
    }
}
