package dr.regions.aws;

import java.net.URI;
import java.util.Optional;

/**
 * Run in a child JVM by {@link ProfileCredentialsTest}: one EC2 call through dr's own clients, with the given
 * profile ({@code -} for the SDK's default chain) and endpoint. The child has its own HOME, config files and
 * endpoint variables, so the SDK reads only what the test wrote; the call's signature shows which credentials the
 * chain resolved.
 */
public final class CredentialsProbe {
    private CredentialsProbe() {
    }

    public static void main(String[] args) throws Exception {
        Optional<String> profile = "-".equals(args[0]) ? Optional.empty() : Optional.of(args[0]);
        try (SdkAwsClients clients = new SdkAwsClients(new ClientSettings(profile, Optional.of(URI.create(args[1]))))) {
            clients.ec2("us-east-1").describeAvailabilityZones();
        }
        System.out.println("signed call answered");
    }
}
