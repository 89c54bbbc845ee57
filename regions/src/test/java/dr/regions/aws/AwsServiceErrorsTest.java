package dr.regions.aws;

import com.sun.net.httpserver.HttpServer;
import dr.core.engine.ServiceError;
import dr.regions.inmemory.InMemoryCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.backup.model.BackupException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One line for every AWS error: service, operation, HTTP status, code (or "no code"), message (or "no message"),
 * request id when there is one; never "null". The same for a real SDK client (through {@link SdkAwsClients} against a
 * local endpoint that answers like AWS with an empty error body) and for the in-memory cloud.
 */
class AwsServiceErrorsTest {
    private HttpServer server;
    private String savedKey;
    private String savedSecret;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
            restore("aws.accessKeyId", savedKey);
            restore("aws.secretAccessKey", savedSecret);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @Test
    void aFullErrorShowsEveryPart() {
        AwsServiceException error = (AwsServiceException) Ec2Exception.builder()
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .serviceName("Ec2").errorCode("DependencyViolation")
                        .errorMessage("resource sg-1 has a dependent object").build())
                .statusCode(400).requestId("7d3f").build();
        AwsCall.mark(error, "Ec2", "DeleteSecurityGroup");

        assertThat(AwsServiceErrors.describe(error)).isEqualTo("Ec2 DeleteSecurityGroup: HTTP 400, "
                + "DependencyViolation: resource sg-1 has a dependent object (request id 7d3f)");
        assertThat(AwsServiceErrors.of(error)).contains(new ServiceError("Ec2", "DeleteSecurityGroup", 400,
                "DependencyViolation", "resource sg-1 has a dependent object", "7d3f"));
    }

    @Test
    void anErrorWithNothingButAStatusSaysWhatIsMissing() {
        AwsServiceException bare = (AwsServiceException) BackupException.builder().statusCode(404).build();

        assertThat(AwsServiceErrors.describe(bare)).isEqualTo("AWS: HTTP 404, no code: no message");
        assertThat(new AwsErrorClassifier().describe(bare)).doesNotContain("null");
        assertThat(AwsServiceErrors.of(bare).orElseThrow().toJson().toString()).isEqualTo("{\"status\":404}");
    }

    @Test
    void anAwsErrorWrappedInAnotherIsFoundAndNamedAfterItsContext() {
        AwsServiceException bare = (AwsServiceException) BackupException.builder().statusCode(404).build();
        RuntimeException wrapped = new IllegalStateException("listing vault dr-vault", bare);

        assertThat(AwsServiceErrors.describe(wrapped)).isEqualTo("listing vault dr-vault: AWS: HTTP 404, no code: "
                + "no message");
        assertThat(AwsServiceErrors.isAws(wrapped)).isTrue();
        assertThat(AwsServiceErrors.isAws(new IllegalStateException("bug"))).isFalse();
        assertThat(AwsServiceErrors.describe(SdkClientException.create("Unable to execute HTTP request")))
                .isEqualTo("Unable to execute HTTP request");
    }

    @Test
    void theInMemoryCloudRaisesItsErrorsLikeTheSdkWithServiceOperationAndRequestId() {
        InMemoryCloud cloud = new InMemoryCloud();
        cloud.world().faults().bareError("backup", "ListBackupVaults", null, 404);

        BackupException error = catchThrowableOfType(() -> cloud.backup("us-west-2").listBackupVaults(r -> { }),
                BackupException.class);

        ServiceError parts = AwsServiceErrors.of(error).orElseThrow();
        assertThat(parts.service()).isEqualTo("Backup");
        assertThat(parts.operation()).isEqualTo("ListBackupVaults");
        assertThat(parts.status()).isEqualTo(404);
        assertThat(parts.code()).isNull();
        assertThat(parts.message()).isNull();
        assertThat(parts.requestId()).isNotBlank();
        assertThat(parts.line()).startsWith("Backup ListBackupVaults: HTTP 404, no code: no message (request id ");
    }

    @Test
    void aFakesOwnErrorGetsTheOperationAndARequestIdToo() {
        InMemoryCloud cloud = new InMemoryCloud();

        Ec2Exception error = catchThrowableOfType(() -> cloud.ec2("us-east-1")
                .deleteVpc(r -> r.vpcId("vpc-0123456789abcdef0")), Ec2Exception.class);

        assertThat(AwsServiceErrors.describe(error)).startsWith("Ec2 DeleteVpc: HTTP 400, InvalidVpcID.NotFound: ")
                .contains("(request id ");
    }

    /**
     * A real client of the SDK, pointed at a local endpoint that answers 404 with an empty body and a request id
     * header, as AWS does for a list on a vault it will not show: the interceptor SdkAwsClients installs names the
     * operation, the SDK supplies the rest.
     */
    @Test
    void aRealSdkClientsErrorIsDescribedTheSameWay() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("x-amzn-RequestId", "req-4711");
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        savedKey = System.getProperty("aws.accessKeyId");
        savedSecret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", "AKIAEXAMPLE");
        System.setProperty("aws.secretAccessKey", "example-secret");
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        try (SdkAwsClients clients = new SdkAwsClients(new ClientSettings(Optional.empty(), Optional.of(endpoint)))) {
            AwsServiceException error = catchThrowableOfType(() -> clients.backup("us-west-2")
                    .listRecoveryPointsByBackupVault(r -> r.backupVaultName("dr-vault")), AwsServiceException.class);

            assertThat(AwsServiceErrors.describe(error)).isEqualTo("Backup ListRecoveryPointsByBackupVault: HTTP 404, "
                    + "no code: no message (request id req-4711)");
            assertThat(new AwsErrorClassifier().classify(error)).isEqualTo(
                    dr.core.engine.ErrorClassifier.Kind.FATAL);
        }
    }
}
