package dr.regions.provision;

import dr.core.engine.Plan;
import dr.core.model.Capacity;
import dr.core.model.StackSpec;

import java.util.List;

/**
 * The provision plan as built once, from the stack's failover state read in the cloud: what {@code --dry-run} shows
 * and exactly the value {@link Provisioning#run(PreparedProvision, dr.core.engine.ProgressListener)} executes.
 *
 * @param spec     the stack as given
 * @param failover the state read before the plan was built
 * @param plan     the steps, built for that state
 * @param skipped  what the spec leaves out, said plainly
 * @param notes    figures and facts an operator should see with the plan (the failover state first, when promoted)
 * @param changes  what the run changes on the live stack because given settings differ from the recorded ones
 */
public record PreparedProvision(StackSpec spec, Failover failover, Plan plan, List<String> skipped,
        List<String> notes, StackChanges changes) {
    public PreparedProvision {
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /** The capacity the plan gives each DR tier: the warm standby's, or the primary's once promoted. */
    public Capacity drCapacity() {
        return failover.apply(spec).drCapacity();
    }
}
