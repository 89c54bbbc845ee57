package dr.cli.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What dr reads from the machine it runs on; tests pass their own so that nothing leaks in from the host. */
public interface Environment {
    /** An environment variable, empty when unset or blank. */
    Optional<String> variable(String name);

    /** A Java system property, empty when unset or blank. */
    Optional<String> property(String name);

    Path homeDirectory();

    /** Relative paths on the command line are relative to this. */
    Path workingDirectory();

    /**
     * Whether this looks like an EC2 instance, whose instance profile supplies credentials. A local file check
     * (the DMI vendor or the Xen hypervisor id), never a call to the metadata service.
     */
    boolean onEc2Instance();

    /** Where Ctrl-C handlers are registered: the JVM's shutdown hooks. */
    default ShutdownHooks shutdownHooks() {
        return ShutdownHooks.RUNTIME;
    }

    static Environment system() {
        return new Environment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
            }

            @Override
            public Optional<String> property(String name) {
                return Optional.ofNullable(System.getProperty(name)).filter(v -> !v.isBlank());
            }

            @Override
            public Path homeDirectory() {
                return Path.of(System.getProperty("user.home"));
            }

            @Override
            public Path workingDirectory() {
                return Path.of("").toAbsolutePath();
            }

            @Override
            public boolean onEc2Instance() {
                return startsWith(Path.of("/sys/devices/virtual/dmi/id/sys_vendor"), "Amazon EC2")
                        || startsWith(Path.of("/sys/hypervisor/uuid"), "ec2");
            }

            private boolean startsWith(Path file, String prefix) {
                try {
                    return Files.isReadable(file) && Files.readString(file).strip().startsWith(prefix);
                } catch (IOException e) {
                    return false;
                }
            }
        };
    }
}
