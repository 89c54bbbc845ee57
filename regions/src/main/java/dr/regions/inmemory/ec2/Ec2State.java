package dr.regions.inmemory.ec2;

/**
 * State of the in-memory Ec2 service (one instance per region, or one in all for a global service).
 * Plain public fields: the sandbox file is this object written by Jackson.
 */
public final class Ec2State {
}
