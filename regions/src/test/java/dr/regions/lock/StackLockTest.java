package dr.regions.lock;

import dr.core.clock.Clock;
import dr.core.clock.VirtualClock;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackLockTest {
    private static final LockHolder ALICE = new LockHolder("alice", "laptop", 101, "run-a");
    private static final LockHolder BOB = new LockHolder("bob", "ci-runner", 202, "run-b");

    private InMemoryCloud cloud;
    private VirtualClock clock;

    @BeforeEach
    void anAccountWithoutLocks() {
        cloud = new InMemoryCloud(SandboxAccount.create());
        clock = cloud.world().clock();
    }

    private StackLock lock() {
        return new StackLock(cloud.route53(), "shop");
    }

    private StackLock.Taken take(LockHolder holder, String command) {
        StackLock.Attempt attempt = lock().tryAcquire(holder, command, clock.now(), StackLock.StaleCheck.NEVER);
        assertThat(attempt).isInstanceOf(StackLock.Taken.class);
        return (StackLock.Taken) attempt;
    }

    @Test
    void theFirstRunTakesItAndTheSecondIsToldWhoHoldsItAndSinceWhen() {
        StackLock.Taken alice = take(ALICE, "provision");

        StackLock.Attempt bob = lock().tryAcquire(BOB, "cleanup", clock.now(), StackLock.StaleCheck.NEVER);

        assertThat(alice.tookOver()).isEmpty();
        assertThat(bob).isInstanceOfSatisfying(StackLock.HeldByOther.class, held -> assertThat(held.holder()
                .describe()).isEqualTo("alice@laptop (pid 101) running 'provision' since 2026-01-01T00:00:00Z "
                + "(lease until 2026-01-01T00:10:00Z)"));
        assertThat(LockZone.find(cloud.route53())).as("the account's lock zone").isPresent();
        assertThat(lock().current()).get().extracting(StackLock.Current::rawValue).asString()
                .isEqualTo("\"v=1;holder=alice@laptop;pid=101;run=run-a;command=provision;since=2026-01-01T00:00:00Z;"
                        + "expires=2026-01-01T00:10:00Z\"");
        assertThat(new StackLock(cloud.route53(), "other").tryAcquire(BOB, "provision", clock.now(),
                StackLock.StaleCheck.NEVER)).as("another stack's lock is its own").isInstanceOf(StackLock.Taken.class);
    }

    @Test
    void onlyTheHolderReleasesItAndThenTheNextRunTakesIt() {
        StackLock.Taken alice = take(ALICE, "provision");
        LockInfo forged = new LockInfo(BOB, "provision", alice.lock().since(), alice.lock().expires());

        assertThat(lock().release(forged)).as("a release that is not the holder's").isFalse();
        assertThat(lock().current()).isPresent();
        assertThat(lock().release(alice.lock())).isTrue();
        assertThat(lock().current()).isEmpty();
        assertThat(lock().release(alice.lock())).as("released twice").isFalse();
        take(BOB, "cleanup");
    }

    @Test
    void anExpiredLeaseIsTakenOverAndItsOldHolderCanNeitherRenewNorReleaseIt() {
        StackLock.Taken alice = take(ALICE, "provision");
        clock.advance(StackLock.LEASE.minusSeconds(1));
        assertThat(lock().tryAcquire(BOB, "cleanup", clock.now(), StackLock.StaleCheck.NEVER))
                .as("a second before the lease runs out").isInstanceOf(StackLock.HeldByOther.class);
        clock.advance(Duration.ofSeconds(1));

        StackLock.Taken bob = take(BOB, "cleanup");

        assertThat(bob.tookOver()).contains(alice.lock());
        assertThat(lock().renew(alice.lock(), clock.now())).as("the old holder's renewal").isEmpty();
        assertThat(lock().release(alice.lock())).as("the old holder's release").isFalse();
        assertThat(lock().current()).get().satisfies(c -> assertThat(c.info()).contains(bob.lock()));
    }

    @Test
    void aRenewalMovesTheLeaseAndIsACompareAndSwap() {
        StackLock.Taken alice = take(ALICE, "provision");
        clock.advance(Duration.ofMinutes(6));

        Optional<LockInfo> renewed = lock().renew(alice.lock(), clock.now());

        assertThat(renewed).get().satisfies(info -> {
            assertThat(info.since()).isEqualTo(alice.lock().since());
            assertThat(info.expires()).isEqualTo(clock.now().plus(StackLock.LEASE));
        });
        assertThat(lock().renew(alice.lock(), clock.now())).as("renewing the value it no longer has").isEmpty();
        assertThat(lock().current()).get().satisfies(c -> assertThat(c.info()).isEqualTo(renewed));
    }

    @Test
    void breakingALockNeedsTheValueThatWasShown() {
        take(ALICE, "provision");
        StackLock.Current shown = lock().current().orElseThrow();
        StackLock.Current stale = new StackLock.Current(shown.rawValue().replace("run-a", "run-x"), Optional.empty());

        assertThat(lock().breakLock(stale)).isFalse();
        assertThat(lock().breakLock(shown)).isTrue();
        assertThat(lock().current()).isEmpty();
    }

    @Test
    void aLockOfADeadProcessOnThisHostIsStaleOthersAreNot() {
        long dead = ProcessHandle.current().pid() + 1_000_000;
        LockHolder me = new LockHolder("alice", "laptop", ProcessHandle.current().pid(), "now");
        SameHostStaleCheck check = new SameHostStaleCheck(me);
        Instant t = VirtualClock.EPOCH;

        assertThat(check.isStale(new LockInfo(new LockHolder("alice", "laptop", dead, "old"), "provision", t, t)))
                .as("process gone").isTrue();
        assertThat(check.isStale(new LockInfo(new LockHolder("alice", "laptop", me.pid(), "old"), "provision", t, t)))
                .as("this process, an earlier run").isTrue();
        assertThat(check.isStale(new LockInfo(new LockHolder("alice", "laptop", ProcessHandle.current().parent()
                .orElseThrow().pid(), "other"), "provision", t, t))).as("a live process").isFalse();
        assertThat(check.isStale(new LockInfo(new LockHolder("bob", "ci-runner", dead, "old"), "provision", t, t)))
                .as("another host: only its lease counts").isFalse();

        take(new LockHolder("alice", "laptop", dead, "old"), "provision");
        StackLock.Attempt rerun = lock().tryAcquire(me, "provision", clock.now(), check);
        assertThat(rerun).isInstanceOfSatisfying(StackLock.Taken.class, t2 -> assertThat(t2.tookOver()).isPresent());
    }

    @Test
    void aLiveRunKeepsItsLeaseThroughALongModeledWait() {
        StackLock.Taken alice = take(ALICE, "provision");
        List<String> warnings = new ArrayList<>();
        HeldLease lease = new HeldLease(lock(), alice.lock(), clock, warnings::add);
        Clock runClock = lease.keepingClock();

        runClock.waitFor(Duration.ofMinutes(35)); // the cross-region replica coming up

        assertThat(lock().tryAcquire(BOB, "cleanup", clock.now(), StackLock.StaleCheck.NEVER))
                .as("35 modeled minutes later, the 10-minute lease is still alive").isInstanceOf(StackLock.HeldByOther.class);
        assertThat(lease.info().expires()).isAfter(clock.now());
        assertThat(warnings).isEmpty();
        lease.release();
        lease.release();
        assertThat(lock().current()).isEmpty();
    }

    @Test
    void aLeaseThatWasBrokenIsReportedOnceAndNeitherRenewedNorReleased() {
        StackLock.Taken alice = take(ALICE, "provision");
        List<String> warnings = new ArrayList<>();
        HeldLease lease = new HeldLease(lock(), alice.lock(), clock, warnings::add);
        lock().breakLock(lock().current().orElseThrow());
        take(BOB, "cleanup");

        lease.keepingClock().waitFor(Duration.ofMinutes(30));
        lease.release();

        assertThat(warnings).singleElement().asString().contains("was broken or taken over while this run held it",
                "bob@ci-runner");
        assertThat(lock().current()).get().satisfies(c -> assertThat(c.info().orElseThrow().holder()).isEqualTo(BOB));
    }

    @Test
    void whenRoute53DoesNotAnswerARenewalIsReportedAndTriedAgainLater() {
        StackLock.Taken alice = take(ALICE, "provision");
        List<String> warnings = new ArrayList<>();
        HeldLease lease = new HeldLease(lock(), alice.lock(), clock, warnings::add);
        cloud.world().faults().regionUnreachable("us-east-1");
        clock.advance(Duration.ofMinutes(6));

        lease.keepingClock().now();
        lease.keepingClock().now();

        assertThat(warnings).singleElement().asString().startsWith("could not renew the stack lock on shop");
        cloud.world().faults().regionReachable("us-east-1");
        clock.advance(Duration.ofMinutes(1));
        lease.keepingClock().now();
        assertThat(lease.info().expires()).isEqualTo(clock.now().plus(StackLock.LEASE));
        assertThatThrownBy(() -> {
            cloud.world().faults().regionUnreachable("us-east-1");
            lock().current();
        }).isInstanceOf(SdkClientException.class);
    }

    @Test
    void waitingSaysForWhomAndTakesTheLockOnceItIsReleased() {
        StackLock.Taken alice = take(ALICE, "provision");
        List<String> progress = new ArrayList<>();
        int[] waits = {0};
        Clock releasingAfterThreePolls = new Clock() {
            @Override
            public Instant now() {
                return clock.now();
            }

            @Override
            public void waitUntil(Instant instant) {
                clock.waitUntil(instant);
                if (++waits[0] == 9) {
                    lock().release(alice.lock());
                }
            }
        };

        StackLock.Attempt bob = LockWait.acquire(lock(), BOB, "cleanup", releasingAfterThreePolls,
                Duration.ofMinutes(5), StackLock.StaleCheck.NEVER, progress::add);

        assertThat(bob).isInstanceOfSatisfying(StackLock.Taken.class, t -> assertThat(t.tookOver()).isEmpty());
        assertThat(clock.now()).isEqualTo(VirtualClock.EPOCH.plus(LockWait.POLL.multipliedBy(9)));
        assertThat(progress).containsExactly(
                "waiting for the stack lock on shop, held by alice@laptop (pid 101) running 'provision' since "
                        + "2026-01-01T00:00:00Z (lease until 2026-01-01T00:10:00Z) (waited 0s of 5m00s)",
                "waiting for the stack lock on shop, held by alice@laptop (pid 101) running 'provision' since "
                        + "2026-01-01T00:00:00Z (lease until 2026-01-01T00:10:00Z) (waited 1m00s of 5m00s)");
    }

    @Test
    void waitingGivesUpAfterItsPatience() {
        take(ALICE, "provision");
        HeldLease alive = new HeldLease(lock(), lock().current().orElseThrow().info().orElseThrow(), clock, w -> { });
        Clock renewing = alive.keepingClock();

        StackLock.Attempt bob = LockWait.acquire(lock(), BOB, "cleanup", renewing, Duration.ofMinutes(20),
                StackLock.StaleCheck.NEVER, line -> { });

        assertThat(bob).isInstanceOf(StackLock.HeldByOther.class);
        assertThat(clock.now()).isEqualTo(VirtualClock.EPOCH.plus(Duration.ofMinutes(20)));
    }

    @Test
    void racingRunsNeverBothHoldIt() throws Exception {
        int runs = 16;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<StackLock.Attempt> attempts = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            LockHolder holder = new LockHolder("user" + i, "host" + i, i, "run" + i);
            done.add(pool.submit(() -> {
                start.await();
                attempts.add(new StackLock(cloud.route53(), "shop").tryAcquire(holder, "provision", clock.now(),
                        StackLock.StaleCheck.NEVER));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        assertThat(attempts).filteredOn(a -> a instanceof StackLock.Taken).hasSize(1);
        assertThat(attempts).filteredOn(a -> a instanceof StackLock.HeldByOther).hasSize(runs - 1);
        assertThat(cloud.route53().listHostedZonesByName(r -> r.dnsName(LockZone.NAME)).hostedZones())
                .filteredOn(z -> z.name().equals(LockZone.NAME)).as("one lock zone, however many raced to create it")
                .hasSize(1);
    }
}
