package dr.cli;

import dr.cli.runtime.Environment;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A machine with no AWS configuration at all unless a test adds some; nothing is read from the real host. */
final class TestEnvironment implements Environment {
    private final Map<String, String> variables = new HashMap<>();
    private final Path home;
    private final Path workingDirectory;
    private boolean ec2;
    private boolean broken;

    TestEnvironment(Path home, Path workingDirectory) {
        this.home = home;
        this.workingDirectory = workingDirectory;
    }

    TestEnvironment set(String name, String value) {
        variables.put(name, value);
        return this;
    }

    TestEnvironment withAccessKeys() {
        return set("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE").set("AWS_SECRET_ACCESS_KEY", "secret");
    }

    TestEnvironment onEc2() {
        ec2 = true;
        return this;
    }

    /** Reading the home or working directory fails, to provoke an internal error inside a command. */
    TestEnvironment broken() {
        broken = true;
        return this;
    }

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public Optional<String> property(String name) {
        return Optional.empty();
    }

    @Override
    public Path homeDirectory() {
        check();
        return home;
    }

    @Override
    public Path workingDirectory() {
        check();
        return workingDirectory;
    }

    @Override
    public boolean onEc2Instance() {
        return ec2;
    }

    private void check() {
        if (broken) {
            throw new IllegalStateException("environment unavailable");
        }
    }
}
