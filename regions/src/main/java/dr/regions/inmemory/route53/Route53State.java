package dr.regions.inmemory.route53;

/**
 * State of the in-memory Route53 service (one instance per region, or one in all for a global service).
 * Plain public fields: the sandbox file is this object written by Jackson.
 */
public final class Route53State {
}
