package dr.runbooks;

import dr.core.config.StackTarget;
import dr.regions.aws.AwsClients;
import dr.regions.dataplane.DataPlane;

import java.nio.file.Path;

/**
 * What the AWS-facing runbook actions work on, handed to them as one context attribute: the clients (real AWS
 * or the sandbox), how users reach the stack through the same cloud (its data plane), the stack (regions may still
 * be unknown and discovered), and where reports go.
 */
public record Operations(AwsClients clients, DataPlane dataPlane, StackTarget target, boolean sandbox,
        Path reportDirectory) {
    /** The attribute name under which the runner's context carries this. */
    public static final String ATTRIBUTE = "operations";
}
