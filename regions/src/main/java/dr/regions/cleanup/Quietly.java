package dr.regions.cleanup;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * For calls on a resource's parts inside its step (an association, a selection, a recovery point): their
 * "not found" means that part is gone, which must not read as the step's own resource being gone.
 */
final class Quietly {
    private Quietly() {
    }

    static void unlessGone(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            if (!AwsErrors.isGone(e)) {
                throw e;
            }
        }
    }
}
