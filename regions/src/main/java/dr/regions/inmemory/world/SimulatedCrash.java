package dr.regions.inmemory.world;

/**
 * "The process died here." An Error, not an exception, so nothing in dr catches it by accident: a test that
 * injects it sees the command stop exactly as a killed process would, then re-runs to prove recovery.
 */
public final class SimulatedCrash extends Error {
    public SimulatedCrash(String message) {
        super(message);
    }
}
