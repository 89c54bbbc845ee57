package dr.regions.inmemory.cloudfront;

/**
 * State of the in-memory CloudFront service (one instance per region, or one in all for a global service).
 * Plain public fields: the sandbox file is this object written by Jackson.
 */
public final class CloudFrontState {
}
