package dr.regions.inmemory.route53;

import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three rules the stack lock (dr.regions.lock) is built on, on a TXT record as the lock writes it. From the API
 * reference, ChangeResourceRecordSets (https://docs.aws.amazon.com/Route53/latest/APIReference/
 * API_ChangeResourceRecordSets.html): "To delete a resource record set, you must specify all the same values that you
 * specified when you created it"; "Change batches are considered transactional changes. Route 53 validates the changes
 * in the request and then either makes all or none of the changes". The refusals are InvalidChangeBatch, HTTP 400,
 * with these messages as AWS sends them: "Tried to create resource record set [name='mydomain.dev.', type='TXT'] but it
 * already exists ... status code: 400" (clouddrove/terraform-aws-ses#25, aws/aws-cli#704) and "Tried to delete resource
 * record set [name='jira.stage.internal.gasbuddy.engineering.', type='A'] but the values provided do not match the
 * current values ... status code: 400" (hashicorp/terraform#18509, kubernetes-sigs/external-dns#732). moto refuses
 * neither the same way (emulator-gaps.md rows G8 and G22).
 */
class CompareAndSwapTest {
    private static final String NAME = "shop.dr-locks.invalid.";

    private Route53Client route53;
    private String zoneId;

    @BeforeEach
    void aLockZone() {
        route53 = new InMemoryCloud(SandboxAccount.create()).route53();
        zoneId = route53.createHostedZone(r -> r.name("dr-locks.invalid").callerReference("dr-locks/1")).hostedZone()
                .id();
    }

    private static Change change(ChangeAction action, String value) {
        return Change.builder().action(action).resourceRecordSet(ResourceRecordSet.builder().name(NAME)
                .type(RRType.TXT).ttl(60L).resourceRecords(r -> r.value(value)).build()).build();
    }

    private void batch(Change... changes) {
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(List.of(changes))));
    }

    private List<String> values() {
        return route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
                .filter(set -> set.name().equals(NAME)).flatMap(set -> set.resourceRecords().stream())
                .map(v -> v.value()).toList();
    }

    @Test
    void aCreateOfTheLockRecordWhileItExistsIsRefused() {
        batch(change(ChangeAction.CREATE, "\"holder=alice\""));

        InvalidChangeBatchException refused = Refusals.assertRefused(
                () -> batch(change(ChangeAction.CREATE, "\"holder=bob\"")),
                InvalidChangeBatchException.class, "InvalidChangeBatch", 400);

        assertThat(refused.messages()).containsExactly(
                "Tried to create resource record set [name='" + NAME + "', type='TXT'] but it already exists");
        assertThat(values()).containsExactly("\"holder=alice\"");
    }

    @Test
    void aDeleteWithAnotherValueIsRefusedSoOnlyTheHolderReleases() {
        batch(change(ChangeAction.CREATE, "\"holder=alice\""));

        InvalidChangeBatchException refused = Refusals.assertRefused(
                () -> batch(change(ChangeAction.DELETE, "\"holder=bob\"")),
                InvalidChangeBatchException.class, "InvalidChangeBatch", 400);

        assertThat(refused.messages()).containsExactly("Tried to delete resource record set [name='" + NAME
                + "', type='TXT'] but the values provided do not match the current values");
        assertThat(values()).containsExactly("\"holder=alice\"");
        batch(change(ChangeAction.DELETE, "\"holder=alice\""));
        assertThat(values()).isEmpty();
    }

    @Test
    void deleteThenCreateInOneBatchIsACompareAndSwap() {
        batch(change(ChangeAction.CREATE, "\"lease=1\""));

        batch(change(ChangeAction.DELETE, "\"lease=1\""), change(ChangeAction.CREATE, "\"lease=2\""));
        assertThat(values()).containsExactly("\"lease=2\"");

        Refusals.assertRefused(() -> batch(change(ChangeAction.DELETE, "\"lease=1\""),
                        change(ChangeAction.CREATE, "\"lease=3\"")),
                InvalidChangeBatchException.class, "InvalidChangeBatch", 400);
        assertThat(values()).as("a swap from a stale value changes nothing").containsExactly("\"lease=2\"");
    }
}
