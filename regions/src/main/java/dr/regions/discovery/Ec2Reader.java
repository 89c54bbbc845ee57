package dr.regions.discovery;

import dr.core.model.Tags;
import dr.regions.network.Ec2Tags;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.util.List;

/**
 * A reader of the stack's EC2 resources in one region: each Describe is filtered on the stack tag ({@link #byStack}),
 * and {@link StackTag#marks} has the last word on what is the stack's; each kind is read through {@link KindReads}.
 */
abstract class Ec2Reader {
    protected final Ec2Client ec2;
    protected final String region;
    protected final StackTag stack;
    protected final List<Filter> byStack;
    protected final KindReads reads;

    Ec2Reader(Ec2Client ec2, String region, StackTag stack, KindReads reads) {
        this.ec2 = ec2;
        this.region = region;
        this.stack = stack;
        this.byStack = List.of(Ec2Tags.tag(Tags.STACK, stack.stack()));
        this.reads = reads;
    }
}
