package dr.core.engine;

import dr.core.clock.VirtualClock;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static dr.core.engine.FakeStep.step;
import static org.assertj.core.api.Assertions.assertThat;

class LineProgressWriterTest {
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final StringWriter text = new StringWriter();
    private final LineProgressWriter writer =
            new LineProgressWriter(new PrintWriter(text), clock, ZoneOffset.UTC, Duration.ofMinutes(1));

    @Test
    void aStatusLineShowsClockTimeRegionRoleStatusAndElapsed() {
        clock.advance(Duration.ofSeconds(5));

        writer.stepStatus(StepKey.of("us-west-2", "db-replica"), "creating", Duration.parse("PT12M30S"));

        assertThat(text.toString()).isEqualTo("12:00:05 us-west-2 db-replica  creating  12m30s\n");
    }

    @Test
    void aRunIsOneLinePerEventAndAnUnchangedStatusIsNotRepeatedEveryPoll() {
        FakeStep vpc = step("us-east-1", "vpc");
        FakeStep replica = step("us-west-2", "db-replica").after(vpc).takes(Duration.ofSeconds(5));

        new Executor(clock, TestErrors.CLASSIFIER, writer).run(Plan.of(vpc, replica));

        assertThat(text.toString()).isEqualTo("""
                12:00:00 us-east-1 vpc  started
                12:00:00 us-east-1 vpc  create  id-vpc  0s
                12:00:00 us-west-2 db-replica  started
                12:00:00 us-west-2 db-replica  creating  0s
                12:00:05 us-west-2 db-replica  create  id-db-replica  5s
                12:00:05 finished in 5s: create 2
                """);
    }

    @Test
    void aLongWaitIsRepeatedAboutOnceAMinute() {
        FakeStep db = step("us-east-1", "db-primary").takes(Duration.ofMinutes(3));

        new Executor(clock, TestErrors.CLASSIFIER, writer).run(Plan.of(db));

        assertThat(text.toString().lines().filter(line -> line.contains("creating")))
                .containsExactly(
                        "12:00:00 us-east-1 db-primary  creating  0s",
                        "12:01:06 us-east-1 db-primary  creating  1m06s",
                        "12:02:06 us-east-1 db-primary  creating  2m06s");
    }

    @Test
    void retriesFailuresAndSkipsSayWhy() {
        FakeStep vpc = step("us-east-1", "vpc").reportsCreate("vpc-1").throwsFirst(new TestErrors.NotVisible("vpc-1"))
                .failsWith("VpcLimitExceeded: too many VPCs");
        FakeStep subnet = step("us-east-1", "subnet").after(vpc);

        new Executor(clock, TestErrors.CLASSIFIER, writer).run(Plan.of(vpc, subnet));

        assertThat(text.toString()).isEqualTo("""
                12:00:00 us-east-1 vpc  started
                12:00:00 us-east-1 vpc  retry in 1s  NotVisible: InvalidVpcID.NotFound: vpc-1
                12:00:01 us-east-1 vpc  FAILED  VpcLimitExceeded: too many VPCs
                12:00:01 us-east-1 subnet  skipped  not run: us-east-1/vpc failed
                12:00:01 finished in 1s: nothing done; 1 failed, 1 skipped
                """);
    }
}
