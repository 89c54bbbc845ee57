package dr.regions.inmemory.wafv2;

/**
 * State of the in-memory Wafv2 service (one instance per region, or one in all for a global service).
 * Plain public fields: the sandbox file is this object written by Jackson.
 */
public final class Wafv2State {
}
