package dr.cli.runtime;

/** Where a command registers what must still run on Ctrl-C; tests pass their own to play a Ctrl-C at a chosen moment. */
public interface ShutdownHooks {
    void add(Thread hook);

    /** Does nothing when the JVM is already shutting down (the hook is running or about to). */
    void remove(Thread hook);

    ShutdownHooks RUNTIME = new ShutdownHooks() {
        @Override
        public void add(Thread hook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void remove(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing to undo
            }
        }
    };
}
