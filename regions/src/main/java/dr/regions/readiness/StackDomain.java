package dr.regions.readiness;

import dr.core.model.StackSpec;

import java.util.Collection;
import java.util.Optional;

/**
 * The stack's public domain: the one configured, or else the one its CloudFront distribution serves as
 * {@code app.<domain>} (provisioning adds that alias, the api records and the certificates only with a domain), so
 * commands other than provision need not be told the domain again.
 */
public final class StackDomain {
    private static final String APP_PREFIX = "app.";

    private StackDomain() {
    }

    public static Optional<String> of(StackSpec spec, Collection<String> distributionAliases) {
        if (spec.hasDomain()) {
            return Optional.of(spec.domain());
        }
        return distributionAliases.stream().map(String::toLowerCase).filter(a -> a.startsWith(APP_PREFIX))
                .map(a -> a.substring(APP_PREFIX.length()))
                .map(a -> a.endsWith(".") ? a.substring(0, a.length() - 1) : a)
                .findFirst();
    }
}
