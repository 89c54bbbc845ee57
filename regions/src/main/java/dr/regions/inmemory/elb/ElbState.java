package dr.regions.inmemory.elb;

/**
 * State of the in-memory Elb service (one instance per region, or one in all for a global service).
 * Plain public fields: the sandbox file is this object written by Jackson.
 */
public final class ElbState {
}
