package dr.regions.inmemory;

import dr.regions.inmemory.acm.AcmState;
import dr.regions.inmemory.autoscaling.AutoScalingState;
import dr.regions.inmemory.backup.BackupState;
import dr.regions.inmemory.ec2.Ec2State;
import dr.regions.inmemory.elb.ElbState;
import dr.regions.inmemory.rds.RdsState;
import dr.regions.inmemory.wafv2.Wafv2State;

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
