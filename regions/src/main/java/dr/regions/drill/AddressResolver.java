package dr.regions.drill;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A host name's IP addresses, to tell which load balancer an IP answer names: Route 53 answers an alias to an ALB with
 * the ALB's addresses, the sandbox with the ALB's name.
 */
@FunctionalInterface
public interface AddressResolver {
    /** Empty when the name does not resolve. */
    Set<String> addresses(String host);

    /** The operating system's resolver. */
    static AddressResolver system() {
        return host -> {
            try {
                return Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress)
                        .collect(Collectors.toSet());
            } catch (UnknownHostException e) {
                return Set.of();
            }
        };
    }

    /** Resolves nothing (the sandbox answers aliases with names). */
    static AddressResolver none() {
        return host -> Set.of();
    }
}
