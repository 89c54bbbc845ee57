package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.cli.runtime.CloudSession;
import dr.core.DrException;
import dr.core.clock.Clock;
import dr.regions.aws.AwsClients;
import dr.regions.dataplane.DataPlane;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With --output json a failing command still writes exactly one JSON document on stdout. */
class JsonOutputTest extends DrCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode onlyDocumentOn(DrRunner.Result result) throws Exception {
        assertThat(result.out().lines().toList()).as("stdout: one line, one document").hasSize(1);
        JsonNode document = JSON.readTree(result.out());
        assertThat(document.fieldNames()).toIterable().containsExactly("error");
        assertThat(document.get("error").fieldNames()).toIterable().containsExactly("exitCode", "message");
        return document.get("error");
    }

    @Test
    void badInputWritesTheErrorDocumentAndTheSameLineOnStderr() throws Exception {
        DrRunner.Result result = dr.run("provision", "--primary", "us-east-1", "--dr", "us-east-1", "--sandbox",
                "--output", "json");

        JsonNode error = onlyDocumentOn(result);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(error.get("exitCode").asInt()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("dr: " + error.get("message").asText());
        assertThat(error.get("message").asText()).contains("are both us-east-1");
        dr.assertNoAwsClientUsed();
    }

    @Test
    void aUsageErrorFoundWhileParsingStillWritesTheDocument() throws Exception {
        DrRunner.Result result = dr.run("--output=json", "status", "--no-such-option");

        JsonNode error = onlyDocumentOn(result);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(error.get("exitCode").asInt()).isEqualTo(2);
        assertThat(error.get("message").asText()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void aFailedCommandWritesItsExitCode() throws Exception {
        DrRunner.Result result = dr.run("status", "--sandbox", "--output", "json");

        JsonNode error = onlyDocumentOn(result);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(error.get("exitCode").asInt()).isEqualTo(2);
        assertThat(error.get("message").asText()).isEqualTo("cannot find both regions of stack 'dr' from its tags; "
                + "pass --primary and --dr");
    }

    @Test
    void textOutputKeepsStdoutEmptyOnError() {
        DrRunner.Result result = dr.run("status", "--sandbox");

        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).hasSize(1);
    }

    /** Every command that succeeds writes one JSON document too, also those whose output is text by nature. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "runbook list", "runbook show cleanup", "runbook types", "runbook run cleanup --dry-run",
        "runbook run status --sandbox --primary us-east-1 --dr us-west-2",
        "graph --primary us-east-1 --dr us-west-2", "graph --format dot --primary us-east-1 --dr us-west-2",
        "completion bash", "completion zsh", "iam-policy", "provision --dry-run --primary us-east-1 --dr us-west-2",
        "cleanup --dry-run --sandbox --primary us-east-1 --dr us-west-2",
        "promote-replica --dry-run --dr us-west-2"})
    void everyCommandWritesOneDocument(String command) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command.split(" ")));
        args.addAll(java.util.List.of("--output", "json"));
        dr.environment.withAccessKeys();

        DrRunner.Result result = dr.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as("%s; stderr: %s", command, result.err()).isIn(0, 3);
        JsonNode document = JSON.readerFor(JsonNode.class)
                .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readValue(result.out());
        assertThat(document.isObject()).as("stdout of %s: one JSON object and nothing else", command).isTrue();
    }

    /**
     * The sandbox is saved when the command ends, after its result exists: a save that fails then (a full disk, a
     * file made read-only meanwhile) is folded into the result document, which stays the only one on stdout.
     */
    @Test
    void aFailureAfterTheResultIsFoldedIntoTheOneDocument() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        Main main = new Main(connection -> new CloudSession() {
            @Override
            public AwsClients clients() {
                return dr.cloud;
            }

            @Override
            public DataPlane dataPlane() {
                return dr.cloud.dataPlane();
            }

            @Override
            public Clock clock() {
                return dr.cloud.world().clock();
            }

            @Override
            public void close() {
                throw DrException.failed("cannot save the sandbox state to sandbox.json: No space left on device");
            }
        }, dr.environment);

        int code = main.execute(new java.io.PrintWriter(out), new java.io.PrintWriter(err),
                "cleanup", "--sandbox", "--yes", "--primary", "us-east-1", "--dr", "us-west-2", "--output", "json");

        assertThat(code).as("stderr: %s", err).isEqualTo(1);
        JsonNode document = JSON.readerFor(JsonNode.class)
                .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readValue(out.toString());
        assertThat(document.isObject()).isTrue();
        assertThat(document.size()).as("the cleanup result is kept beside the error: %s", document).isGreaterThan(1);
        assertThat(document.get("error").get("exitCode").asInt()).isEqualTo(1);
        assertThat(document.get("error").get("message").asText()).contains("No space left on device");
        assertThat(err.toString().lines().toList())
                .containsExactly("dr: cannot save the sandbox state to sandbox.json: No space left on device");
    }
}
