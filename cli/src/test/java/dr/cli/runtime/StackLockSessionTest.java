package dr.cli.runtime;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.lock.LockHolder;
import dr.regions.lock.StackLock;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackLockSessionTest {
    private static final LockHolder ME = new LockHolder("alice", "laptop", 101, "run-a");
    private static final LockHolder OTHER = new LockHolder("bob", "ci-runner", 202, "run-b");

    private final InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());
    private final StringWriter err = new StringWriter();
    private final AtomicBoolean innerClosed = new AtomicBoolean();

    private CloudSession inner() {
        return inner(() -> { });
    }

    /** The session the lock wraps, over the test cloud; {@code beforeClosing} runs when it is closed. */
    private CloudSession inner(Runnable beforeClosing) {
        return CloudSession.of(cloud, cloud.dataPlane(), cloud.world().clock(), () -> {
            beforeClosing.run();
            innerClosed.set(true);
        });
    }

    private StackLockSession.Request request(String command) {
        return new StackLockSession.Request("shop", command, Optional.empty(), ME, command.equals("promote-replica"),
                new PrintWriter(err, true));
    }

    private Optional<StackLock.Current> lock() {
        return new StackLock(cloud.route53(), "shop").current();
    }

    @Test
    void ctrlCReleasesTheLockAfterTheRunbooksOwnHookHasRun() throws Exception {
        StackLockSession session = (StackLockSession) StackLockSession.open(inner(), request("failover drill"));
        AtomicBoolean heldWhileRestoring = new AtomicBoolean();
        Thread restore = new Thread(() -> {
            sleep(300);
            heldWhileRestoring.set(lock().isPresent());
        }, "dr-interrupt");
        restore.start();

        session.releaseOnInterrupt();

        assertThat(restore.isAlive()).as("the restore hook finished first").isFalse();
        assertThat(heldWhileRestoring).as("the lock was held while the drill's restore ran").isTrue();
        assertThat(lock()).as("released on Ctrl-C").isEmpty();
        session.close();
        assertThat(innerClosed).isTrue();
        assertThat(err.toString()).as("a second release after the hook is silent").isEmpty();
    }

    @Test
    void closingReleasesTheLockBeforeTheSessionIsClosedAndSaved() {
        CloudSession session = StackLockSession.open(inner(() -> assertThat(lock())
                .as("released before the sandbox is saved").isEmpty()), request("provision"));
        assertThat(lock()).isPresent();

        session.close();

        assertThat(innerClosed).isTrue();
    }

    @Test
    void aLockHeldByAnotherRunFailsWithExitOneAndClosesTheSession() {
        new StackLock(cloud.route53(), "shop").tryAcquire(OTHER, "cleanup", cloud.world().clock().now(),
                StackLock.StaleCheck.NEVER);

        assertThatThrownBy(() -> StackLockSession.open(inner(), request("provision")))
                .isInstanceOf(DrException.class)
                .hasMessageStartingWith("stack shop is locked by bob@ci-runner (pid 202) running 'cleanup' since "
                        + "2026-01-01T00:00:00Z (lease until 2026-01-01T00:10:00Z). Nothing was changed.")
                .hasMessageContaining("--wait", "dr unlock --stack shop")
                .satisfies(e -> assertThat(((DrException) e).exitCode()).isEqualTo(ExitCode.FAILED));
        assertThat(innerClosed).isTrue();
    }

    @Test
    void withRoute53DarkOnlyPromoteReplicaGoesOnWithoutTheLock() {
        cloud.world().faults().regionUnreachable("us-east-1");

        CloudSession promote = StackLockSession.open(inner(), request("promote-replica"));
        assertThat(err.toString()).startsWith("dr: the stack lock could not be taken: Route 53's API does not answer "
                + "(Unable to execute HTTP request: route53.amazonaws.com").contains("promote-replica goes on without it");
        promote.close();

        assertThatThrownBy(() -> StackLockSession.open(inner(), request("provision")))
                .isInstanceOf(DrException.class)
                .hasMessageStartingWith("the stack lock could not be taken: Route 53's API does not answer")
                .hasMessageEndingWith("nothing was changed: try again when it answers");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
