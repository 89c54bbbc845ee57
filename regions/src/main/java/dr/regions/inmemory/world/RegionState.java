package dr.regions.inmemory.world;


/** Everything the in-memory cloud holds for one region. */
public final class RegionState {
    public Ec2State ec2 = new Ec2State();
    public RdsState rds = new RdsState();
    public BackupState backup = new BackupState();
    public AutoScalingState autoScaling = new AutoScalingState();
    public ElbState elb = new ElbState();
    public AcmState acm = new AcmState();
    public Wafv2State wafv2 = new Wafv2State();
}
