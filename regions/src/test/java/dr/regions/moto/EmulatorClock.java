package dr.regions.moto;

import dr.core.clock.Clock;

import java.time.Duration;
import java.time.Instant;

/**
 * Wall time that skips ahead instead of sleeping: a wait costs a thousandth of its length in real time (at least
 * {@link #MIN_PAUSE}, at most {@link #MAX_PAUSE}), and the clock then reads as if it had all passed. The engine waits
 * in one-second progress ticks, so an hour's step timeout costs a few seconds, while the real pauses still let the
 * emulator's own real-time delays (ACM's validation wait) pass. Against an emulator that answers at once, this bounds the
 * engine's modeled settle times (a builder's user data), its poll intervals and its step timeouts alike, while
 * timestamps the emulator writes (launch times) still compare to it sensibly: they only ever look older.
 */
public final class EmulatorClock implements Clock {
    static final Duration MIN_PAUSE = Duration.ofMillis(2);
    static final Duration MAX_PAUSE = Duration.ofMillis(100);
    private Duration skipped = Duration.ZERO;

    @Override
    public synchronized Instant now() {
        return Instant.now().plus(skipped);
    }

    @Override
    public void waitUntil(Instant instant) {
        Duration left = Duration.between(now(), instant);
        if (left.isNegative() || left.isZero()) {
            return;
        }
        Duration pause = left.dividedBy(1000);
        pause = pause.compareTo(MIN_PAUSE) < 0 ? MIN_PAUSE : pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
        pause = left.compareTo(pause) < 0 ? left : pause;
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
        synchronized (this) {
            Duration stillLeft = Duration.between(now(), instant);
            if (stillLeft.compareTo(Duration.ZERO) > 0) {
                skipped = skipped.plus(stillLeft);
            }
        }
    }
}
