package dr.runbooks.actions;

import dr.core.config.StackTarget;
import dr.core.engine.Journal;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.inmemory.world.World;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command killed right after the {@code n}-th record its journal writes, then run again as an operator would (the
 * command's entry point, which resumes the unfinished run), for the resume reliability tests. Either with the cloud as
 * the kill left it (AWS, or the sandbox saved after every call), or with the cloud having lost everything the killed
 * run changed (the sandbox saved only when a command ended; on AWS, changes someone undid meanwhile).
 */
public final class KilledRun {
    private KilledRun() {
    }

    /** The re-run's outcome, the cloud it ran on, its modeled time and the record the kill came after. */
    public record Rerun<T>(T outcome, InMemoryCloud cloud, Duration modeled, String killedAfter) {
    }

    public static <T> Rerun<T> killAfterRecordThenRunAgain(InMemoryCloud cloud, StackTarget target, Path directory,
                                                           int n, boolean cloudLosesTheRun,
                                                           Function<OperationsRun, T> command) {
        String before = SandboxStore.toJson(cloud.world());
        AtomicInteger records = new AtomicInteger();
        List<Journal.Entry> last = new ArrayList<>();
        OperationsRun killed = new OperationsRun(cloud, target, directory).afterEachJournalRecord(entry -> {
            if (records.incrementAndGet() == n) {
                last.add(entry);
                throw new SimulatedCrash("killed after journal record " + n);
            }
        });
        assertThatThrownBy(() -> command.apply(killed)).as("killed after journal record %d", n)
                .isInstanceOf(SimulatedCrash.class);

        InMemoryCloud after = cloud;
        if (cloudLosesTheRun) {
            World lost = SandboxStore.fromJson(before);
            lost.clock().set(cloud.world().time()); // time went on; only the changes were lost
            after = new InMemoryCloud(lost);
        }
        Instant start = after.world().time();
        T outcome = command.apply(new OperationsRun(after, target, directory));
        Journal.Entry killedAfter = last.get(0);
        return new Rerun<>(outcome, after, Duration.between(start, after.world().time()),
                killedAfter.type() + " " + killedAfter.key());
    }
}
