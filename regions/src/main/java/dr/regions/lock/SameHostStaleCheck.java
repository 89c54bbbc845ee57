package dr.regions.lock;

/**
 * A lease is known dead before it expires when it was taken on this host by a process that is gone: a run killed
 * with {@code kill -9}, or a crash, leaves its lock behind, and its own re-run should not have to wait out the lease
 * for it. A lock of this very process under another run id is dead too (one process runs one command; this is a
 * reused process id). Locks of other hosts are never judged: only their lease says.
 */
public final class SameHostStaleCheck implements StackLock.StaleCheck {
    private final LockHolder me;

    public SameHostStaleCheck(LockHolder me) {
        this.me = me;
    }

    @Override
    public boolean isStale(LockInfo lock) {
        LockHolder them = lock.holder();
        if (!them.host().equals(me.host()) || them.runId().equals(me.runId())) {
            return false;
        }
        return them.pid() == me.pid() || ProcessHandle.of(them.pid()).map(p -> !p.isAlive()).orElse(true);
    }
}
