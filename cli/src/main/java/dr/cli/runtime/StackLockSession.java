package dr.cli.runtime;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.clock.Clock;
import dr.core.engine.DurationFormat;
import dr.regions.aws.AwsClients;
import dr.regions.dataplane.DataPlane;
import dr.regions.aws.AwsServiceErrors;
import dr.regions.lock.HeldLease;
import dr.regions.lock.LockHolder;
import dr.regions.lock.LockWait;
import dr.regions.lock.SameHostStaleCheck;
import dr.regions.lock.StackLock;
import dr.regions.promotion.ApiOutage;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The stack lock around a command that changes the cloud: taken when the command opens its cloud session (before its
 * first look at the stack, so what it decides on cannot change under it), kept alive on the session's clock, and
 * released when the session closes: on success, on failure, and on Ctrl-C (a shutdown hook, which first lets the
 * runbook's own hook, e.g. a drill's restore, finish). The lock is a Route 53 record ({@link StackLock}), so it holds
 * across machines. {@code promote-replica} goes on without it when Route 53's API does not answer (us-east-1 dark):
 * a disaster must not wait for the control plane the disaster took.
 */
public final class StackLockSession implements CloudSession {
    /** The runbook session's Ctrl-C hook ({@link RunbookSession}): the lock is released only after it has run. */
    private static final String RUNBOOK_HOOK = "dr-interrupt";
    private static final long HOOK_PATIENCE_MILLIS = Duration.ofMinutes(15).toMillis();

    /** What the lock needs to know about the command: which stack, what it is, whether it waits, who runs it. */
    public record Request(String stack, String command, Optional<Duration> patience, LockHolder holder,
                          boolean mayRunUnlocked, PrintWriter err) {
    }

    private final CloudSession inner;
    private final HeldLease lease;
    private final Clock clock;
    private final Thread hook;

    private StackLockSession(CloudSession inner, HeldLease lease) {
        this.inner = inner;
        this.lease = lease;
        this.clock = lease.keepingClock();
        this.hook = new Thread(this::releaseOnInterrupt, "dr-lock-release");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** {@code opener}, with the lock taken once the session is open. */
    public static Supplier<CloudSession> around(Supplier<CloudSession> opener, Request request) {
        return () -> open(opener.get(), request);
    }

    static CloudSession open(CloudSession inner, Request request) {
        try {
            StackLock lock = new StackLock(inner.clients().route53(), request.stack());
            StackLock.StaleCheck stale = new SameHostStaleCheck(request.holder());
            StackLock.Attempt attempt = request.patience().isPresent()
                    ? LockWait.acquire(lock, request.holder(), request.command(), inner.clock(),
                            request.patience().get(), stale, line -> say(request, line))
                    : lock.tryAcquire(request.holder(), request.command(), inner.clock().now(), stale);
            if (attempt instanceof StackLock.HeldByOther other) {
                throw DrException.failed("stack " + request.stack() + " is locked by " + other.holder().describe()
                        + (request.patience().isPresent() ? "; still after waiting "
                        + DurationFormat.compact(request.patience().get()) : "")
                        + ". Nothing was changed. Run again when it has finished, wait for it with --wait, or, if "
                        + "that run is dead, break its lock with 'dr unlock --stack " + request.stack() + "'");
            }
            StackLock.Taken taken = (StackLock.Taken) attempt;
            taken.tookOver().ifPresent(old -> say(request, "took over the stack lock of " + old.describe() + ": "
                    + (old.expiredAt(taken.lock().since()) ? "its lease ran out" : "its process is gone from this host")));
            return new StackLockSession(inner, new HeldLease(lock, taken.lock(), inner.clock(),
                    line -> say(request, line)));
        } catch (RuntimeException e) {
            Optional<String> outage = e instanceof DrException ? Optional.empty() : ApiOutage.reason(e);
            String why = firstLine(AwsServiceErrors.describe(e));
            if (outage.isPresent() && request.mayRunUnlocked()) {
                say(request, "the stack lock could not be taken: Route 53's API does not answer (" + why + "); "
                        + request.command() + " goes on without it");
                return inner;
            }
            closeQuietly(inner, e);
            if (outage.isPresent()) {
                throw new DrException(ExitCode.FAILED, "the stack lock could not be taken: Route 53's API does not "
                        + "answer (" + why + "); nothing was changed: try again when it answers", e);
            }
            throw e;
        }
    }

    /** {@code user@host}, this process and a fresh run id; read from the environment, never from AWS. */
    public static LockHolder holder(Environment environment) {
        String user = environment.variable("USER").or(() -> environment.variable("USERNAME"))
                .or(() -> environment.property("user.name")).orElse("unknown");
        String host = environment.variable("HOSTNAME").or(() -> environment.variable("COMPUTERNAME"))
                .orElseGet(StackLockSession::localHostName);
        return new LockHolder(user, host, ProcessHandle.current().pid(), UUID.randomUUID().toString());
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static void say(Request request, String line) {
        request.err().println("dr: " + line);
        request.err().flush();
    }

    private static void closeQuietly(CloudSession inner, RuntimeException cause) {
        try {
            inner.close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Ctrl-C: after the runbook's hook (a drill's restore) has run, release the lock. */
    void releaseOnInterrupt() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(RUNBOOK_HOOK) && thread != Thread.currentThread()) {
                try {
                    thread.join(HOOK_PATIENCE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        lease.release();
    }

    HeldLease lease() {
        return lease;
    }

    @Override
    public AwsClients clients() {
        return inner.clients();
    }

    @Override
    public DataPlane dataPlane() {
        return inner.dataPlane();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Releases the lock first, then closes the session (which saves a sandbox, the released lock with it). */
    @Override
    public void close() {
        try {
            lease.release();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it finds the lock released
            }
        } finally {
            inner.close();
        }
    }
}
