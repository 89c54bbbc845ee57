package dr.regions.lock;

import dr.regions.aws.AwsClients;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One stack's lock: the TXT record {@code <stack>.}{@value LockZone#NAME}, changed only by compare-and-swap (see
 * {@link LockZone} for why that holds across machines). Taking it is a CREATE; renewing it and taking over an expired
 * lease are a DELETE of the exact value read plus a CREATE, in one batch; releasing and breaking it are a DELETE of
 * the exact value. Each fails with InvalidChangeBatch when someone else changed the record first, so no two runs
 * ever both believe they hold it.
 */
public final class StackLock {
    /** A live run renews its lease when less than half of it is left. */
    public static final Duration LEASE = Duration.ofMinutes(10);
    /** The change batch comment of every lock change: {@code dr stack lock <stack>}. */
    public static final String COMMENT = "dr stack lock ";

    private final Route53Client route53;
    private final String stack;
    private String zoneId;

    /** The lock of {@code stack}, reached through Route 53's global endpoint. */
    public static StackLock of(AwsClients clients, String stack) {
        return new StackLock(clients.route53(), stack);
    }

    public StackLock(Route53Client route53, String stack) {
        this.route53 = route53;
        this.stack = stack;
    }

    /** The record as it is now: its raw TXT value and, when dr wrote it, what it says. */
    public record Current(String rawValue, Optional<LockInfo> info) {
        public String describe() {
            return info.map(LockInfo::describe).orElse("an unknown holder (record value " + rawValue + ")");
        }
    }

    /** What an attempt to take the lock found. */
    public sealed interface Attempt {
    }

    /** Taken; {@code tookOver} is the expired lease it replaced, if any. */
    public record Taken(LockInfo lock, Optional<LockInfo> tookOver) implements Attempt {
    }

    /** Someone else holds a live lease. */
    public record HeldByOther(Current holder) implements Attempt {
    }

    public String stack() {
        return stack;
    }

    public String recordName() {
        return stack + "." + LockZone.NAME;
    }

    /**
     * Takes the lock for {@code holder} running {@code command}, or takes over a lease that expired by {@code now}
     * (or one {@code stale} says is dead, e.g. its process is gone from this host), or reports who holds it.
     */
    public Attempt tryAcquire(LockHolder holder, String command, Instant now, StaleCheck stale) {
        LockInfo mine = LockInfo.fresh(holder, command, now, LEASE);
        for (int attempt = 0; attempt < 5; attempt++) {
            if (change(List.of(change(ChangeAction.CREATE, mine.txtValue())))) {
                return new Taken(mine, Optional.empty());
            }
            Optional<Current> current = current();
            if (current.isEmpty()) {
                continue; // released between our CREATE and our read: try again
            }
            Optional<LockInfo> theirs = current.get().info();
            boolean takeOver = theirs.isPresent() && (theirs.get().expiredAt(now) || stale.isStale(theirs.get()));
            if (!takeOver) {
                return new HeldByOther(current.get());
            }
            if (change(List.of(change(ChangeAction.DELETE, current.get().rawValue()),
                    change(ChangeAction.CREATE, mine.txtValue())))) {
                return new Taken(mine, theirs);
            }
            // someone else took it over or renewed it first: look again
        }
        return current().<Attempt>map(HeldByOther::new).orElseThrow(() -> new IllegalStateException(
                "the lock record " + recordName() + " kept changing while taking it"));
    }

    /** Extends the lease to {@code now + LEASE}; empty when the lock is no longer {@code held}'s (it was broken). */
    public Optional<LockInfo> renew(LockInfo held, Instant now) {
        LockInfo renewed = held.renewedUntil(now.plus(LEASE));
        return change(List.of(change(ChangeAction.DELETE, held.txtValue()), change(ChangeAction.CREATE,
                renewed.txtValue()))) ? Optional.of(renewed) : Optional.empty();
    }

    /** Deletes the record if it is still exactly {@code held}; false when it was not (broken or taken over). */
    public boolean release(LockInfo held) {
        return change(List.of(change(ChangeAction.DELETE, held.txtValue())));
    }

    /** {@code dr unlock}: deletes the record if it is still exactly {@code seen}; false when it changed meanwhile. */
    public boolean breakLock(Current seen) {
        return change(List.of(change(ChangeAction.DELETE, seen.rawValue())));
    }

    /** The record now, if there is one (no lock zone yet means no lock). */
    public Optional<Current> current() {
        Optional<String> zone = zoneId == null ? LockZone.find(route53) : Optional.of(zoneId);
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        zoneId = zone.get();
        String name = recordName();
        return route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordName(name)
                        .startRecordType(RRType.TXT).maxItems("1"))
                .resourceRecordSets().stream()
                .filter(set -> set.name().equals(name) && set.type() == RRType.TXT && !set.resourceRecords().isEmpty())
                .findFirst()
                .map(set -> set.resourceRecords().get(0).value())
                .map(value -> new Current(value, LockInfo.parse(value)));
    }

    /** Applies the batch; false when Route 53 refused it because the record is not as the batch expects. */
    private boolean change(List<Change> changes) {
        if (zoneId == null) {
            zoneId = LockZone.ensure(route53);
        }
        try {
            route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b
                    .comment(COMMENT + stack).changes(changes)));
            return true;
        } catch (InvalidChangeBatchException changedMeanwhile) {
            return false;
        }
    }

    private Change change(ChangeAction action, String txtValue) {
        return Change.builder().action(action).resourceRecordSet(ResourceRecordSet.builder()
                .name(recordName()).type(RRType.TXT).ttl(LockInfo.TTL_SECONDS)
                .resourceRecords(ResourceRecord.builder().value(txtValue).build()).build()).build();
    }

    /** Whether a live-looking lease is known to be dead (its process is gone), so it may be taken over at once. */
    @FunctionalInterface
    public interface StaleCheck {
        boolean isStale(LockInfo lock);

        StaleCheck NEVER = lock -> false;
    }
}
