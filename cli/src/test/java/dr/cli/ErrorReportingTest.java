package dr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A bug in dr is exit 4 with one line; the stack trace only on request. */
class ErrorReportingTest extends DrCommandTest {
    @BeforeEach
    void breakTheEnvironment() {
        dr.environment.broken();
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorOnOneLine() {
        DrRunner.Result result = dr.run("status", "--sandbox");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.errLines()).containsExactly("dr: internal error: java.lang.IllegalStateException: "
                + "environment unavailable (run again with --stacktrace and report it)");
    }

    @Test
    void stacktraceAddsTheTraceAfterTheLine() {
        DrRunner.Result result = dr.run("status", "--sandbox", "--stacktrace");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.errLines().get(0)).startsWith("dr: internal error:");
        assertThat(result.err()).contains("java.lang.IllegalStateException: environment unavailable", "\tat ");
    }

    @Test
    void badInputHasNoTraceUnlessAsked() {
        DrRunner clean = new DrRunner(temp.resolve("clean"));

        assertThat(clean.run("status", "--stack", "BAD", "--sandbox").err()).doesNotContain("\tat ");
        assertThat(clean.run("status", "--stack", "BAD", "--sandbox", "--stacktrace").err()).contains("\tat ");
    }

    @Test
    void anInternalErrorIsAlsoAJsonDocument() throws Exception {
        DrRunner.Result result = dr.run("status", "--sandbox", "--output", "json");

        assertThat(new ObjectMapper().readTree(result.out()).at("/error/exitCode").asInt()).isEqualTo(4);
    }
}
