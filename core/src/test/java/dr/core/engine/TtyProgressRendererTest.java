package dr.core.engine;

import dr.core.clock.VirtualClock;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static dr.core.engine.FakeStep.step;
import static org.assertj.core.api.Assertions.assertThat;

class TtyProgressRendererTest {
    private static final String CLEAR_TWO_LINES = "\r\u001b[2A\u001b[J";

    private final VirtualClock clock = new VirtualClock();
    private final StringWriter text = new StringWriter();
    private final AtomicLong wall = new AtomicLong();

    private TtyProgressRenderer renderer(boolean color, Duration minRedraw) {
        return new TtyProgressRenderer(new PrintWriter(text), clock, color, 80, () -> wall.addAndGet(1_000_000_000L),
                minRedraw);
    }

    @Test
    void runningStepsAreRedrawnInPlaceAndFinishedOnesStayAbove() {
        TtyProgressRenderer tty = renderer(false, Duration.ZERO);
        Plan plan = Plan.of(step("us-west-2", "db-replica"));
        StepKey replica = StepKey.of("us-west-2", "db-replica");

        tty.planStarted(plan);
        tty.stepStarted(replica);
        clock.advance(Duration.parse("PT12M30S"));
        tty.stepStatus(replica, "creating", Duration.parse("PT12M30S"));

        assertThat(text.toString()).endsWith(CLEAR_TWO_LINES
                + "0/1 steps finished, 1 running\n"
                + "  us-west-2 db-replica  creating  12m30s\n");

        text.getBuffer().setLength(0);
        tty.stepDone(new StepOutcome(replica, "AWS::RDS::DBInstance", Action.CREATE, "db-replica-1",
                java.util.Map.of(), StepOutcome.Status.DONE, null, VirtualClock.EPOCH, clock.now(), 1));

        assertThat(text.toString()).isEqualTo(CLEAR_TWO_LINES
                + "✓ us-west-2 db-replica  create db-replica-1  12m30s\n"
                + "1/1 steps finished, 0 running\n");
    }

    @Test
    void stepsThatArriveWithoutAPlanAreCountedWithoutATotal() {
        TtyProgressRenderer tty = renderer(false, Duration.ZERO);
        StepKey delete = StepKey.of("cleanup", "delete");

        tty.stepStarted(delete);

        assertThat(text.toString()).endsWith("0 steps finished, 1 running\n  cleanup delete  starting  0s\n")
                .doesNotContain("/0");
    }

    @Test
    void aWholeRunOnAVirtualClockEndsWithTheSummaryAndNoColourWhenAskedForNone() {
        FakeStep db = step("us-east-1", "db-primary").takes(Duration.ofMinutes(12));

        new Executor(clock, TestErrors.CLASSIFIER, renderer(false, Duration.ofMillis(100))).run(Plan.of(db));

        assertThat(text.toString())
                .contains("✓ us-east-1 db-primary  create id-db-primary  12m0")
                .endsWith("Finished in 12m06s: create 1\n")
                .doesNotContain("\u001b[3");
    }

    @Test
    void colourMarksFailures() {
        FakeStep vpc = step("us-east-1", "vpc").failsWith("VpcLimitExceeded");

        new Executor(clock, TestErrors.CLASSIFIER, renderer(true, Duration.ZERO)).run(Plan.of(vpc));

        assertThat(text.toString()).contains("\u001b[31m✗ us-east-1 vpc  failed: VpcLimitExceeded\u001b[0m");
    }

    @Test
    void redrawsAreThrottledByWallTimeNotByTheNumberOfEvents() {
        TtyProgressRenderer tty = new TtyProgressRenderer(new PrintWriter(text), clock, false, 80, () -> 0L,
                Duration.ofMillis(100));
        StepKey key = StepKey.of("r", "db");
        tty.planStarted(Plan.of(step("r", "db")));
        tty.stepStarted(key);
        int before = text.toString().length();

        for (int i = 0; i < 1000; i++) {
            tty.stepStatus(key, "creating", Duration.ofSeconds(i));
        }

        assertThat(text.toString()).hasSize(before);
    }
}
