package dr.regions.dns;

import dr.core.DrException;
import dr.core.model.StackSpec;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.List;

/**
 * Provision's preflight for a domain: {@code api.<domain>} must be free or this stack's own. Route 53 keeps one
 * failover pair per name, so a second stack on the same domain would otherwise fail at its record step, after
 * everything else was built. The owner is read from the set identifiers provisioning gives the pair
 * ({@link ApiRecords#setIdentifier}); a record without one (a simple record) blocks the pair as well.
 */
public final class ApiRecordOwnership {
    private ApiRecordOwnership() {
    }

    /** Bad input naming the owner when an A record at {@code api.<domain>} belongs to anyone but this stack. */
    public static void verify(StackSpec spec, Route53Client route53, String zoneId) {
        String name = "api." + spec.domain();
        List<ResourceRecordSet> sets = RecordSets.find(route53, zoneId, name, RRType.A);
        String mine = ApiRecords.setIdentifier(spec.stack(), true);
        String mineDr = ApiRecords.setIdentifier(spec.stack(), false);
        for (ResourceRecordSet set : sets) {
            String id = set.setIdentifier();
            if (id == null) {
                throw DrException.badInput("--domain " + spec.domain() + ": " + name + " already has an A record that "
                        + "is not a dr failover record; remove it or use another domain");
            }
            if (!id.equals(mine) && !id.equals(mineDr)) {
                throw DrException.badInput("--domain " + spec.domain() + ": " + name + " already belongs to "
                        + owner(id) + " (record set " + id + "); use another domain, or clean that stack up first");
            }
        }
    }

    /** {@code stack 'shop'} for dr's own identifiers, else the identifier itself. */
    private static String owner(String setIdentifier) {
        for (String suffix : List.of("-primary", "-dr")) {
            if (setIdentifier.endsWith(suffix) && setIdentifier.length() > suffix.length()) {
                return "stack '" + setIdentifier.substring(0, setIdentifier.length() - suffix.length()) + "'";
            }
        }
        return "another failover record";
    }
}
