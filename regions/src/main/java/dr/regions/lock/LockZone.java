package dr.regions.lock;

import dr.regions.dns.HostedZones;
import dr.regions.dns.Route53Ids;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.HostedZoneAlreadyExistsException;
import software.amazon.awssdk.services.route53.model.TagResourceType;

import java.util.Comparator;
import java.util.Optional;

/**
 * The account's one hosted zone for stack locks, {@value #NAME}: one TXT record per locked stack.
 *
 * <p>Why a Route 53 record, and why this zone. The lock must hold across machines, so it lives in AWS, through an
 * API dr already uses. Route 53's ChangeResourceRecordSets is the one such API with a compare-and-swap: a
 * {@code CREATE} of a record that exists fails (InvalidChangeBatch, "Tried to create resource record set [...] but it
 * already exists"), a {@code DELETE} must repeat the record's current values exactly ("the values provided do not
 * match the current values"), and a batch is all-or-nothing ("Change batches are considered transactional changes
 * ... either makes all or none of the changes"), so a DELETE of the value one read plus a CREATE of a new one is a
 * swap that fails if anyone changed the record in between (API reference, ChangeResourceRecordSets:
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html; error texts as seen in
 * aws/aws-cli#704, hashicorp/terraform#18509, kubernetes-sigs/external-dns#732). Other candidates lack it: IAM and
 * EC2 refuse duplicate names but cannot delete or retag conditionally, so only-the-holder-releases would race.
 *
 * <p>The stack's own zones cannot hold it: they do not exist before the first provision and cleanup deletes them while
 * it runs. So the lock has a zone of its own, shared by every stack of the account and never deleted by dr (a public
 * hosted zone costs USD 0.50 a month). It is public because a private zone needs a VPC to be created with. Its name is
 * under {@code .invalid}, which RFC 6761 section 6.4 reserves so that it never resolves: the zone is never delegated,
 * answers nobody, and cannot clash with a name anyone owns. Its CallerReference makes creating it a race with one
 * winner: Route 53 refuses a reference it has seen (HostedZoneAlreadyExists), also one of a deleted zone, so if the
 * zone was deleted by hand the next generation ({@code dr-locks/2}, ...) is used.
 *
 * <p>During a disaster the lock is as available as Route 53's control plane, which runs in us-east-1 (AWS Fault
 * Isolation Boundaries, "Global services"); {@code promote-replica} therefore goes on without the lock when that API
 * does not answer.
 */
public final class LockZone {
    public static final String NAME = "dr-locks.invalid.";
    static final String CALLER_PREFIX = "dr-locks/";
    private static final int GENERATIONS = 20;

    private LockZone() {
    }

    /** The lock zone's bare id, if it exists. */
    public static Optional<String> find(Route53Client route53) {
        return HostedZones.named(route53, NAME).stream()
                .filter(zone -> generation(zone) > 0)
                .max(Comparator.comparingInt(LockZone::generation))
                .map(HostedZone::id);
    }

    /** The lock zone's bare id, created when there is none. */
    public static String ensure(Route53Client route53) {
        Optional<String> found = find(route53);
        if (found.isPresent()) {
            return found.get();
        }
        for (int generation = 1; generation <= GENERATIONS; generation++) {
            String reference = CALLER_PREFIX + generation;
            try {
                String id = Route53Ids.zone(route53.createHostedZone(r -> r.name(NAME).callerReference(reference)
                        .hostedZoneConfig(c -> c.privateZone(false)
                                .comment("dr stack locks: one TXT record per stack while a dr command changes it")))
                        .hostedZone().id());
                route53.changeTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE).resourceId(id)
                        .addTags(t -> t.key("managed-by").value("dr"), t -> t.key("dr:role").value("stack-locks")));
                return id;
            } catch (HostedZoneAlreadyExistsException raced) {
                // Another run created this generation a moment ago (then it is found now), or it was deleted.
                Optional<String> now = find(route53);
                if (now.isPresent()) {
                    return now.get();
                }
            }
        }
        throw new IllegalStateException("no lock zone " + NAME + " could be created: caller references "
                + CALLER_PREFIX + "1 to " + GENERATIONS + " are all used");
    }

    private static int generation(HostedZone zone) {
        String reference = zone.callerReference();
        if (reference == null || !reference.startsWith(CALLER_PREFIX)
                || (zone.config() != null && Boolean.TRUE.equals(zone.config().privateZone()))) {
            return 0;
        }
        try {
            return Integer.parseInt(reference.substring(CALLER_PREFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
