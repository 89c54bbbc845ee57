package dr.runbooks.actions.cycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.model.RegionRole;
import dr.regions.database.DatabaseInstances;
import dr.regions.database.DatabaseLayout;
import dr.regions.database.DatabaseRoles;
import dr.regions.provision.Failover;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * A reprotect or failback with nothing to do, because the stack stands exactly where a finished run of it leaves it,
 * as read from both regions' databases: as {@code terraform apply} with no change, the command says so and exits 0
 * without the stack lock or any change.
 * <ul>
 *   <li>after a reprotect: the writer in DR, an available read replica of it in the primary region, and no other
 *       writer there (the old ones retired or deleted);</li>
 *   <li>after a failback: the writer in the primary region and one that was promoted from a replica (a later
 *       generation than the first writer, which provision made), an available read replica of it in DR, and no other
 *       writer there.</li>
 * </ul>
 * A stack that was never promoted is not "finished": a failback or reprotect of it is a mistake, which the runbook's
 * preflight refuses as before. A stack part of the way (a replica still being made, an old writer not retired) runs
 * the runbook, which finishes the job.
 */
public record FinishedCycle(String runbook, String stack, Failover state, DatabaseLayout.Placed writer,
                            DatabaseLayout.Placed replica) {

    /** The finished state of {@code runbook} ({@link FailoverCycle#REPROTECT} or {@link FailoverCycle#FAILBACK}). */
    public static Optional<FinishedCycle> of(String runbook, DatabaseLayout layout) {
        Failover state = Failover.of(layout);
        Failover leaves = FailoverCycle.FAILBACK.equals(runbook) ? Failover.NONE : Failover.REPROTECTED;
        Optional<DatabaseLayout.Placed> writer = layout.writer();
        Optional<DatabaseLayout.Placed> replica = layout.replica();
        if (state != leaves || writer.isEmpty() || replica.isEmpty()
                || !"available".equals(replica.get().db().dbInstanceStatus())) {
            return Optional.empty();
        }
        if (state == Failover.NONE && DatabaseInstances.generation(writer.get().db()) <= 1) {
            return Optional.empty(); // never promoted: the stack provision made, not one failed back
        }
        RegionRole standby = replica.get().regionRole();
        boolean otherWriter = layout.others().stream().anyMatch(other -> other.regionRole() == standby
                && !DatabaseRoles.RETIRED.equals(DatabaseInstances.role(other.db())));
        return otherWriter ? Optional.empty()
                : Optional.of(new FinishedCycle(runbook, layout.spec().stack(), state, writer.get(), replica.get()));
    }

    /** e.g. {@code stack shop is in its normal roles: ...}. */
    public String message() {
        String roles = "writer " + writer.identifier() + " in " + writer.region() + ", its read replica "
                + replica.identifier() + " in " + replica.region();
        return state == Failover.NONE
                ? "nothing to do: stack " + stack + " is in its normal roles (" + roles + "), where a finished "
                + "failback leaves it"
                : "nothing to do: stack " + stack + " is reprotected (" + roles + "), where a finished reprotect "
                + "leaves it; dr failback returns it to " + replica.region();
    }

    public ObjectNode toJson() {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("runbook", runbook);
        document.put("stack", stack);
        document.put("nothingToDo", true);
        document.put("state", state.name().toLowerCase());
        document.set("writer", placed(writer));
        document.set("replica", placed(replica));
        document.put("message", message());
        return document;
    }

    public void printText(PrintWriter out) {
        out.println(Character.toUpperCase(message().charAt(0)) + message().substring(1) + ".");
        out.println("No change was made.");
    }

    private static ObjectNode placed(DatabaseLayout.Placed database) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("identifier", database.identifier());
        node.put("region", database.region());
        return node;
    }
}
