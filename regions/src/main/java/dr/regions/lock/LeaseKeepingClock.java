package dr.regions.lock;

import dr.core.clock.Clock;

import java.time.Instant;

/**
 * The run's clock with its lease kept alive: waiting is the clock's job, so a long wait (a database coming up, a
 * distribution deploying) is cut at each renewal point, and any reading of the time renews a lease that is due. On the
 * virtual clock this renews in modeled time, so a 35-minute modeled provision keeps its 10-minute lease like a real one.
 */
final class LeaseKeepingClock implements Clock {
    private final Clock inner;
    private final HeldLease lease;

    LeaseKeepingClock(Clock inner, HeldLease lease) {
        this.inner = inner;
        this.lease = lease;
    }

    @Override
    public Instant now() {
        Instant now = inner.now();
        lease.renewIfDue(now);
        return now;
    }

    @Override
    public void waitUntil(Instant instant) {
        while (lease.active() && lease.renewalDue().isBefore(instant)) {
            Instant due = lease.renewalDue();
            inner.waitUntil(due);
            Instant now = inner.now();
            lease.renewIfDue(now);
            if (lease.renewalDue().equals(due) && !now.isBefore(due)) {
                break; // the renewal failed and was reported; wait on without cutting further
            }
        }
        inner.waitUntil(instant);
        lease.renewIfDue(inner.now());
    }
}
