package dr.regions.cleanup;

import dr.core.engine.ProgressListener;
import dr.core.report.CleanupReport;
import dr.regions.discovery.StackWorld;
import dr.regions.discovery.TaggedState;
import dr.regions.inmemory.world.Faults;
import dr.regions.inmemory.world.SimulatedCrash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The process dies right after AWS applied each mutating call of a cleanup in turn (the harder case: the change
 * happened, the step never saw the answer); a second run must finish the job without an error. (A call AWS refused,
 * such as deleting a snapshot its image's step already deleted, dies with its error rather than a crash: that run
 * simply finishes.)
 */
class CleanupCrashTest {

    private static Cleanup cleanup(StackWorld world) {
        return new Cleanup(StackWorld.STACK, StackWorld.REGIONS, world.cloud, world.cloud.world().clock(),
                CleanupOptions.defaults());
    }

    @Test
    void aCrashAfterAnyMutatingCallIsFinishedByARerunWithNothingOfTheStackLeft() {
        StackWorld reference = StackWorld.create();
        assertThat(cleanup(reference).run(ProgressListener.NONE).succeeded()).isTrue();
        long mutatingCalls = reference.cloud.world().faults().mutatingCalls();
        assertThat(mutatingCalls).isGreaterThan(50);
        int otherTagged = TaggedState.tagged(StackWorld.create().cloud, StackWorld.OTHER).size();

        int crashes = 0;
        int emptied = 0;
        for (long crashAt = 1; crashAt <= mutatingCalls; crashAt++) {
            StackWorld world = StackWorld.create();
            world.cloud.world().faults().crashAtMutatingCall(crashAt, Faults.CrashPoint.AFTER_CALL);
            CleanupReport[] first = new CleanupReport[1];
            Throwable crash = catchThrowable(() -> first[0] = cleanup(world).run(ProgressListener.NONE));
            world.cloud.world().faults().noCrash();
            CleanupReport last;
            if (crash == null) {
                last = first[0];
            } else {
                assertThat(crash).as("crash at mutating call %d", crashAt).isInstanceOf(SimulatedCrash.class);
                crashes++;
                last = cleanup(world).run(ProgressListener.NONE);
            }

            assertThat(last.result().failed()).as("failures after a crash at call %d", crashAt).isEmpty();
            assertThat(last.succeeded()).as("re-run after a crash at call %d", crashAt).isTrue();
            assertThat(last.keptSnapshots()).as("final snapshots after a crash at call %d", crashAt).hasSize(1);
            var left = TaggedState.tagged(world.cloud, StackWorld.STACK);
            assertThat(left).as("left after a crash at call %d", crashAt).isEmpty();
            emptied++;
            if (crashAt % 10 == 0) {
                assertThat(TaggedState.tagged(world.cloud, StackWorld.OTHER)).hasSize(otherTagged);
            }
        }
        System.out.printf("RELIABILITY cleanup crashed at every deletion step and re-run: %d/%d ended with 0 stack "
                + "resources%n", emptied, mutatingCalls);
        assertThat(emptied).isEqualTo((int) mutatingCalls);
        assertThat(crashes).as("runs that crashed").isGreaterThan((int) (mutatingCalls * 9 / 10));
    }
}
