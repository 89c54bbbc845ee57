package dr.cli;

import dr.cli.runtime.Environment;
import dr.cli.runtime.ShutdownHooks;

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
    private ShutdownHooks hooks = ShutdownHooks.RUNTIME;

    /** What a JVM does once its shutdown hooks have run: it ends, whatever the main thread was about to do. */
    static final class ProcessEnded extends Error {
        ProcessEnded() {
            super("the process ended after its Ctrl-C hooks ran");
        }
    }

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

    /**
     * Ctrl-C as late as it can come: when a runbook run has finished and is about to return, its hook runs, and the
     * process then ends ({@link ProcessEnded}) before the command can print anything more.
     */
    TestEnvironment ctrlCAsTheRunEnds() {
        hooks = new ShutdownHooks() {
            @Override
            public void add(Thread hook) {
            }

            @Override
            public void remove(Thread hook) {
                hook.run();
                throw new ProcessEnded();
            }
        };
        return this;
    }

    @Override
    public ShutdownHooks shutdownHooks() {
        return hooks;
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
