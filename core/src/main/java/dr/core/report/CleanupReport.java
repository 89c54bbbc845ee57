package dr.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.engine.Action;
import dr.core.engine.DurationFormat;
import dr.core.engine.ExecutionResult;
import dr.core.engine.StepOutcome;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a cleanup run did, for people (text) and scripts (one JSON document): resources deleted per region and
 * globally, the final database snapshots kept, what failed, and the verification that followed: a fresh look for
 * anything still carrying the stack's tag ({@code remaining}, empty when the stack is gone).
 */
public record CleanupReport(String stack, List<String> regions, ExecutionResult result,
                            List<KeptSnapshot> keptSnapshots, List<Remaining> remaining) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A final DB snapshot cleanup took and left in place (restore from it, or remove it with
     * {@code dr cleanup --purge-snapshots}), with its allocated storage and what keeping it costs a month.
     */
    public record KeptSnapshot(String region, String identifier, String dbInstance, String status, int sizeGib) {
        public double monthlyUsd() {
            return SnapshotStoragePrice.monthlyUsd(region, sizeGib);
        }

        /** {@code 20 GiB, about $1.90/month at $0.095/GiB-month (us-east-1 list price)}. */
        public String cost() {
            return sizeGib + " GiB, about " + SnapshotStoragePrice.usd(monthlyUsd()) + "/month at "
                    + SnapshotStoragePrice.basis(region);
        }

        public ObjectNode toJson() {
            ObjectNode node = JSON.createObjectNode();
            node.put("region", region);
            node.put("identifier", identifier);
            node.put("dbInstance", dbInstance);
            node.put("status", status);
            node.put("sizeGiB", sizeGib);
            node.put("monthlyCostUsd", Math.round(monthlyUsd() * 100) / 100.0);
            node.put("priceUsdPerGiBMonth", SnapshotStoragePrice.usdPerGibMonth(region));
            node.put("priceBasis", SnapshotStoragePrice.basis(region));
            return node;
        }
    }

    /** What the kept snapshots cost together a month, in USD. */
    public static double monthlyUsd(List<KeptSnapshot> snapshots) {
        return snapshots.stream().mapToDouble(KeptSnapshot::monthlyUsd).sum();
    }

    /**
     * A resource of the stack still there after the run; or, with role {@value #NOT_VERIFIED}, what the fresh look
     * could not read ({@code id} names it, {@code state} says why): a region not reachable, or a kind of resource
     * AWS answered with an error for.
     */
    public record Remaining(String region, String type, String id, String role, String state) {
        public boolean verified() {
            return !NOT_VERIFIED.equals(role);
        }
    }

    public static final String NOT_VERIFIED = "not verified";

    public CleanupReport {
        regions = List.copyOf(regions);
        keptSnapshots = List.copyOf(keptSnapshots);
        remaining = List.copyOf(remaining);
    }

    /** Every step done and nothing of the stack left. */
    public boolean succeeded() {
        return result.succeeded() && remaining.isEmpty();
    }

    public boolean stackGone() {
        return remaining.isEmpty();
    }

    /** Deleted resources per region ({@code global} for the edge), in the order the plan lists regions. */
    public Map<String, Integer> deletedByRegion() {
        return deletedByRegion(result);
    }

    /** Resources {@code result} deleted per region, every region of its steps listed (0 when none). */
    public static Map<String, Integer> deletedByRegion(ExecutionResult result) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (StepOutcome outcome : result.outcomes()) {
            if (outcome.succeeded() && outcome.action() == Action.DELETE) {
                counts.merge(outcome.key().region(), 1, Integer::sum);
            } else {
                counts.putIfAbsent(outcome.key().region(), 0);
            }
        }
        return counts;
    }

    /** Resources of the stack seen after the run. */
    public List<Remaining> stillThere() {
        return remaining.stream().filter(Remaining::verified).toList();
    }

    /** What the look after the run could not read. */
    public List<Remaining> notVerified() {
        return remaining.stream().filter(r -> !r.verified()).toList();
    }

    /** Warnings of steps that succeeded (e.g. a database deleted without its final snapshot), one line each. */
    public List<String> warnings() {
        return result.outcomes().stream().filter(StepOutcome::succeeded)
                .filter(o -> o.outputs() != null && o.outputs().get("warning") != null)
                .map(o -> o.key() + ": " + o.outputs().get("warning")).toList();
    }

    public int deletedTotal() {
        return deletedByRegion().values().stream().mapToInt(Integer::intValue).sum();
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("stack", stack);
        ArrayNode regionList = root.putArray("regions");
        regions.forEach(regionList::add);
        root.put("succeeded", succeeded());
        root.put("stackGone", stackGone());
        ObjectNode deleted = root.putObject("deleted");
        deletedByRegion().forEach(deleted::put);
        root.put("deletedTotal", deletedTotal());
        OutcomeJson.putResources(root, result);
        ArrayNode kept = root.putArray("keptSnapshots");
        keptSnapshots.forEach(snapshot -> kept.add(snapshot.toJson()));
        root.put("keptMonthlyCostUsd", Math.round(monthlyUsd(keptSnapshots) * 100) / 100.0);
        root.put("priceSource", SnapshotStoragePrice.SOURCE);
        ArrayNode warningList = root.putArray("warnings");
        warnings().forEach(warningList::add);
        ArrayNode failures = root.putArray("failures");
        for (StepOutcome failed : result.failed()) {
            ObjectNode node = failures.addObject();
            node.put("step", failed.key().toString());
            node.put("type", failed.resourceType());
            node.put("message", failed.message());
            if (failed.error() != null) {
                node.set("error", failed.error().toJson());
            }
        }
        root.put("notRun", result.skipped().size());
        ArrayNode left = root.putArray("remaining");
        for (Remaining resource : remaining) {
            ObjectNode node = left.addObject();
            node.put("region", resource.region());
            node.put("type", resource.type());
            node.put("id", resource.id());
            node.put("role", resource.role());
            if (resource.state() != null) {
                node.put("state", resource.state());
            }
        }
        root.put("durationSeconds", result.duration().toSeconds());
        return root;
    }

    public void printText(PrintWriter out) {
        out.println("Cleanup of stack " + stack + " (" + String.join(", ", regions) + ")");
        deletedByRegion().forEach((region, count) -> out.printf("  %-10s %d deleted%n", region, count));
        for (KeptSnapshot snapshot : keptSnapshots) {
            out.println("  kept final snapshot " + snapshot.identifier() + " of " + snapshot.dbInstance() + " in "
                    + snapshot.region() + " (" + snapshot.status() + "): " + snapshot.cost());
        }
        if (!keptSnapshots.isEmpty()) {
            out.println("  kept snapshots cost about " + SnapshotStoragePrice.usd(monthlyUsd(keptSnapshots))
                    + "/month (prices: " + SnapshotStoragePrice.SOURCE + "); remove them with: dr cleanup --stack "
                    + stack + " --purge-snapshots");
        }
        warnings().forEach(warning -> out.println("  WARNING " + warning));
        for (StepOutcome failed : result.failed()) {
            out.println("  FAILED  " + failed.key() + " (" + failed.resourceType() + "): " + failed.message());
        }
        if (!result.skipped().isEmpty()) {
            out.println("  not run: " + result.skipped().size() + " step(s) that wait for a failed step");
        }
        if (!result.duration().isZero()) {
            out.println("  took " + DurationFormat.compact(result.duration()));
        }
        if (remaining.isEmpty()) {
            out.println("  Verified: nothing tagged with stack " + stack + " remains.");
        } else {
            List<Remaining> there = stillThere();
            if (!there.isEmpty()) {
                out.println("  Still there: " + there.size() + " resource(s) of stack " + stack + ":");
                there.forEach(r -> out.println("    " + r.region() + " " + r.type() + " " + r.id() + " (" + r.role()
                        + (r.state() == null ? "" : ", " + r.state()) + ")"));
            }
            List<Remaining> unread = notVerified();
            if (!unread.isEmpty()) {
                out.println("  Not verified: " + unread.size() + " part(s) could not be read; what is there may remain:");
                unread.forEach(r -> out.println("    " + r.id() + ": " + r.state()));
            }
            out.println("  Re-run the same command to resume: dr finds what is left and deletes it.");
        }
    }

    /** The report for the record: the outcome, then every resource deleted, kept, failed or still there. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# Cleanup of stack " + stack + "\n\n");
        md.append("- Regions: ").append(String.join(", ", regions)).append('\n');
        md.append("- Outcome: ").append(stackGone() ? "nothing tagged with stack " + stack + " remains (verified)"
                : stillThere().size() + " resource(s) of the stack still there" + (notVerified().isEmpty() ? ""
                : ", " + notVerified().size() + " part(s) not verified")).append('\n');
        md.append("- Deleted: ").append(deletedTotal());
        deletedByRegion().forEach((region, count) -> md.append(", ").append(region).append(' ').append(count));
        md.append('\n');
        if (!result.duration().isZero()) {
            md.append("- Took: ").append(DurationFormat.compact(result.duration())).append('\n');
        }
        if (!keptSnapshots.isEmpty()) {
            md.append("\n## Final snapshots kept\n\n| region | snapshot | of | status | size | per month |\n"
                    + "|---|---|---|---|---|---|\n");
            keptSnapshots.forEach(k -> md.append("| ").append(k.region()).append(" | ").append(k.identifier())
                    .append(" | ").append(k.dbInstance()).append(" | ").append(k.status()).append(" | ")
                    .append(k.sizeGib()).append(" GiB | ").append(SnapshotStoragePrice.usd(k.monthlyUsd()))
                    .append(" at ").append(SnapshotStoragePrice.basis(k.region())).append(" |\n"));
            md.append("\nTogether about ").append(SnapshotStoragePrice.usd(monthlyUsd(keptSnapshots)))
                    .append(" a month (prices: ").append(SnapshotStoragePrice.SOURCE).append("). Remove them with `dr ")
                    .append("cleanup --stack ").append(stack).append(" --purge-snapshots`.\n");
        }
        if (!warnings().isEmpty()) {
            md.append("\n## Warnings\n\n");
            warnings().forEach(w -> md.append("- ").append(w).append('\n'));
        }
        if (!result.failed().isEmpty()) {
            md.append("\n## Failed\n\n");
            result.failed().forEach(f -> md.append("- ").append(f.key()).append(" (").append(f.resourceType())
                    .append("): ").append(f.message()).append('\n'));
        }
        if (!notVerified().isEmpty()) {
            md.append("\n## Not verified\n\nCould not be read; what is there may remain.\n\n");
            notVerified().forEach(r -> md.append("- ").append(r.id()).append(": ").append(r.state()).append('\n'));
        }
        if (!stillThere().isEmpty()) {
            md.append("\n## Still there\n\n| region | type | id | role |\n|---|---|---|---|\n");
            stillThere().forEach(r -> md.append("| ").append(r.region()).append(" | ").append(r.type()).append(" | ")
                    .append(r.id()).append(" | ").append(r.role()).append(" |\n"));
        }
        md.append("\n## Deleted\n\n| region | type | id |\n|---|---|---|\n");
        result.outcomes().stream().filter(o -> o.succeeded() && o.action() == Action.DELETE)
                .forEach(o -> md.append("| ").append(o.key().region()).append(" | ").append(o.resourceType())
                        .append(" | ").append(o.resourceId()).append(" |\n"));
        return md.toString();
    }
}
