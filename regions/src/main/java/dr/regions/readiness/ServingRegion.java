package dr.regions.readiness;

import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.database.DatabaseLayout;
import dr.regions.discovery.Inventory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The region the stack serves from, for readiness: where its writer is, read in the regions discovery reached; the
 * primary when that cannot be read (the database checks then report why). A class of its own so that loading the
 * readiness checks (e.g. {@code dr runbook list}) loads no AWS SDK class.
 */
final class ServingRegion {
    private ServingRegion() {
    }

    static RegionRole of(StackSpec spec, AwsClients clients, Inventory inventory) {
        try {
            return DatabaseLayout.read(spec, clients, inventory.unreachable().keySet()).serving();
        } catch (AwsServiceException e) {
            if (e.isThrottlingException()) {
                throw e;
            }
            return RegionRole.PRIMARY;
        }
    }
}
