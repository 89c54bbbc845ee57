package dr.regions.lock;

import dr.core.clock.Clock;
import dr.regions.aws.AwsServiceErrors;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A lock this run holds: renewed on the run's own clock (modeled time in the sandbox, wall time on AWS) when less than
 * half the lease is left, and released once. A renewal that fails is reported, not thrown: stopping a provision
 * half-way because the lock record could not be updated would do more harm than the lock prevents. If the lock was
 * broken ({@code dr unlock}) or taken over meanwhile, that is reported once and nothing is renewed or released.
 */
public final class HeldLease {
    /** Computed once: Duration.dividedBy does BigDecimal arithmetic, and the clock asks on every reading. */
    private static final Duration HALF_LEASE = StackLock.LEASE.dividedBy(2);
    private final StackLock lock;
    private final Clock clock;
    private final Consumer<String> warn;
    private final ReentrantLock renewing = new ReentrantLock();
    private volatile LockInfo held;
    private volatile boolean lost;
    private volatile boolean released;
    /** After a failed renewal, the next try waits a minute rather than hitting the API at every clock reading. */
    private volatile Instant retryAfter = Instant.MIN;

    public HeldLease(StackLock lock, LockInfo held, Clock clock, Consumer<String> warn) {
        this.lock = lock;
        this.held = held;
        this.clock = clock;
        this.warn = warn;
    }

    public LockInfo info() {
        return held;
    }

    /** When the next renewal is due: half-way through the lease. */
    public Instant renewalDue() {
        LockInfo now = held;
        return now.expires().minus(HALF_LEASE);
    }

    public boolean active() {
        return !lost && !released;
    }

    /** Renews when due at {@code now}; a renewal already running in another thread is not waited for. */
    public void renewIfDue(Instant now) {
        if (!active() || now.isBefore(renewalDue()) || now.isBefore(retryAfter) || !renewing.tryLock()) {
            return;
        }
        try {
            if (!active() || now.isBefore(renewalDue())) {
                return;
            }
            Optional<LockInfo> renewed = lock.renew(held, now);
            if (renewed.isPresent()) {
                held = renewed.get();
            } else {
                lost = true;
                warn.accept("the stack lock on " + lock.stack() + " was broken or taken over while this run held it"
                        + lock.current().map(c -> " (now: " + c.describe() + ")").orElse("") + "; going on without it");
            }
        } catch (RuntimeException e) {
            retryAfter = now.plusSeconds(60);
            warn.accept("could not renew the stack lock on " + lock.stack() + " (" + firstLine(e) + "); it stays held "
                    + "until " + held.expires() + ", another try follows");
        } finally {
            renewing.unlock();
        }
    }

    /** Releases the lock if this run still holds it; safe to call twice and from a shutdown hook. */
    public void release() {
        renewing.lock();
        try {
            if (!active()) {
                return;
            }
            released = true;
            if (!lock.release(held)) {
                warn.accept("the stack lock on " + lock.stack() + " was no longer this run's when it ended (broken "
                        + "or taken over); it was left as it is");
            }
        } catch (RuntimeException e) {
            warn.accept("could not release the stack lock on " + lock.stack() + " (" + firstLine(e) + "); it expires "
                    + "at " + held.expires() + ", or break it with 'dr unlock --stack " + lock.stack() + "'");
        } finally {
            renewing.unlock();
        }
    }

    /** The run's clock, renewing this lease as modeled or wall time passes. */
    public Clock keepingClock() {
        return new LeaseKeepingClock(clock, this);
    }

    Clock clock() {
        return clock;
    }

    static String firstLine(Throwable e) {
        String message = AwsServiceErrors.describe(e);
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
