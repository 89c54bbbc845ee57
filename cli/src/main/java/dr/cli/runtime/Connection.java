package dr.cli.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Where a command's AWS calls go: the sandbox file, or real AWS with an optional profile and endpoint. */
public record Connection(Optional<Path> sandbox, Optional<String> profile, Optional<URI> endpoint) {
    public static Connection sandbox(Path file) {
        return new Connection(Optional.of(file), Optional.empty(), Optional.empty());
    }

    public static Connection aws(Optional<String> profile, Optional<URI> endpoint) {
        return new Connection(Optional.empty(), profile, endpoint);
    }

    public boolean isSandbox() {
        return sandbox.isPresent();
    }
}
