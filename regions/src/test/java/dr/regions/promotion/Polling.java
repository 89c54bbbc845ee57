package dr.regions.promotion;

import dr.regions.inmemory.InMemoryCloud;

import java.time.Duration;
import java.util.function.Supplier;

/** Calls a promotion task until it is done, moving the modeled clock on as the engine would between polls. */
final class Polling {
    private Polling() {
    }

    static Progress untilDone(InMemoryCloud cloud, Supplier<Progress> task) {
        for (int poll = 0; poll < 1000; poll++) {
            Progress progress = task.get();
            if (progress.done()) {
                return progress;
            }
            Duration wait = progress.pollAfter().isZero() ? Duration.ofSeconds(1) : progress.pollAfter();
            cloud.world().clock().advance(wait);
        }
        throw new AssertionError("task never finished");
    }
}
