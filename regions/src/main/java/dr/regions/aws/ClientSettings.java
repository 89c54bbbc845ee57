package dr.regions.aws;

import java.net.URI;
import java.util.Optional;

/** How to reach AWS: a named profile and an endpoint override (LocalStack or another emulator), both optional. */
public record ClientSettings(Optional<String> profile, Optional<URI> endpoint) {
    public static ClientSettings defaults() {
        return new ClientSettings(Optional.empty(), Optional.empty());
    }
}
