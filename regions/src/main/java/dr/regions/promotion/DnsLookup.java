package dr.regions.promotion;

import dr.regions.drill.AddressResolver;

import java.util.List;
import java.util.Set;

/**
 * DNS as users see it, through the data plane only (never the Route 53 API, which is down with us-east-1): what a
 * name resolves to, and the addresses of a host to compare an answer with. On AWS the operating system's resolver
 * (answers are addresses); in the sandbox Route 53's modeled name servers (an alias answers with its target's name).
 */
public interface DnsLookup {
    /** The answer for {@code name} (type A): addresses or, in the sandbox, the alias target's name; empty if none. */
    List<String> answer(String name);

    /** The addresses {@code host} resolves to, empty when it does not (or when answers are names). */
    Set<String> addresses(String host);

    /** The operating system's resolver: answers are addresses. The sandbox's lookup comes with the fake cloud. */
    static DnsLookup system() {
        AddressResolver system = AddressResolver.system();
        return new DnsLookup() {
            @Override
            public List<String> answer(String name) {
                return List.copyOf(system.addresses(name));
            }

            @Override
            public Set<String> addresses(String host) {
                return system.addresses(host);
            }
        };
    }
}
