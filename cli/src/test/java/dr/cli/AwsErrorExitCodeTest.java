package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.core.ExitCode;
import dr.regions.aws.AwsCall;
import dr.regions.aws.AwsServiceErrors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.backup.model.BackupException;

import static org.assertj.core.api.Assertions.assertThat;

/** An AWS error that reaches the top is exit 1 with the AWS line (and its parts in JSON), never 4. */
class AwsErrorExitCodeTest {
    private static AwsServiceException bare404() {
        AwsServiceException error = (AwsServiceException) BackupException.builder().statusCode(404).requestId("r-1")
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .serviceName("Backup").build()).build();
        return AwsCall.mark(error, "Backup", "ListRecoveryPointsByBackupVault");
    }

    @Test
    void anAwsServiceErrorIsAFailureNotAnInternalError() {
        assertThat(ErrorReporter.exitCode(bare404())).isEqualTo(ExitCode.FAILED);
        assertThat(ErrorReporter.exitCode(new IllegalStateException("reading vaults", bare404())))
                .isEqualTo(ExitCode.FAILED);
        assertThat(ErrorReporter.exitCode(SdkClientException.create("Unable to execute HTTP request")))
                .isEqualTo(ExitCode.FAILED);
        assertThat(ErrorReporter.exitCode(new IllegalStateException("a bug"))).isEqualTo(ExitCode.INTERNAL);
    }

    @Test
    void theJsonErrorDocumentCarriesTheLineAndTheParts() throws Exception {
        AwsServiceException error = bare404();

        JsonNode document = new ObjectMapper().readTree(ErrorReporter.errorDocument(ExitCode.FAILED,
                AwsServiceErrors.describe(error), AwsServiceErrors.of(error).orElseThrow()));

        assertThat(document.at("/error/exitCode").asInt()).isEqualTo(1);
        assertThat(document.at("/error/message").asText()).isEqualTo("Backup ListRecoveryPointsByBackupVault: "
                + "HTTP 404, no code: no message (request id r-1)");
        assertThat(document.at("/error/aws/operation").asText()).isEqualTo("ListRecoveryPointsByBackupVault");
        assertThat(document.at("/error/aws/status").asInt()).isEqualTo(404);
        assertThat(document.at("/error/aws/requestId").asText()).isEqualTo("r-1");
        assertThat(document.toString()).doesNotContain("null");
    }
}
