package dr.cli.commands;

import dr.regions.aws.AwsClients;
import dr.regions.inmemory.InMemoryCloud;

/**
 * Test-only and never run: a "command" that breaks the architecture rules on purpose (it builds the in-memory cloud
 * itself and calls EC2), so that {@code ArchitectureRulesFailTest} can show the rules report it.
 */
public final class DeliberatelyBrokenCommand {
    private DeliberatelyBrokenCommand() {
    }

    public static int vpcs() {
        AwsClients clients = new InMemoryCloud();
        return clients.ec2("us-east-1").describeVpcs().vpcs().size();
    }
}
