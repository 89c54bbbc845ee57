package dr.regions.readiness;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@code dr status}'s answer: every finding, and the verdict. Ready for failover when no finding fails; the reasons
 * are the failing findings, the warnings the rest worth a look. As a table for people and one JSON document for
 * scripts.
 */
public record ReadinessReport(String stack, String primaryRegion, String drRegion, Instant checkedAt,
                              List<Finding> findings) {
    private static final List<String> TIERS = List.of("region", "network", "security", "web", "app", "database",
            "dns", "backup", "tls", "edge");

    /** Findings are kept in table order: primary region, DR region, the rest; by tier within each. */
    public ReadinessReport {
        Objects.requireNonNull(stack, "stack");
        List<String> regions = List.of(String.valueOf(primaryRegion), String.valueOf(drRegion));
        findings = findings.stream().sorted(Comparator
                .comparingInt((Finding f) -> regions.contains(f.region()) ? regions.indexOf(f.region()) : 2)
                .thenComparingInt(f -> TIERS.contains(f.tier()) ? TIERS.indexOf(f.tier()) : TIERS.size()))
                .toList();
    }

    public boolean ready() {
        return findings.stream().noneMatch(f -> f.verdict() == Verdict.FAIL);
    }

    public List<String> reasons() {
        return findings.stream().filter(f -> f.verdict() == Verdict.FAIL).map(Finding::reason).toList();
    }

    public List<String> warnings() {
        return findings.stream().filter(f -> f.verdict() == Verdict.WARN).map(Finding::reason).toList();
    }

    /** One line, e.g. {@code not ready for failover: 2 reasons (us-west-2 app asg-app: ...; ...)}. */
    public String summary() {
        if (ready()) {
            return "ready for failover" + (warnings().isEmpty() ? "" : " (" + warnings().size() + " warnings)");
        }
        return "not ready for failover: " + String.join("; ", reasons());
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("stack", stack);
        root.put("primaryRegion", primaryRegion);
        root.put("drRegion", drRegion);
        root.put("checkedAt", checkedAt.toString());
        root.put("ready", ready());
        ArrayNode reasons = root.putArray("reasons");
        reasons().forEach(reasons::add);
        ArrayNode warnings = root.putArray("warnings");
        warnings().forEach(warnings::add);
        ArrayNode list = root.putArray("findings");
        findings.forEach(f -> list.add(f.toJson()));
        rpo().ifPresent(rpo -> root.set("rpo", rpo));
        return root;
    }

    /** The table, then the verdict with its reasons and warnings. */
    public void printText(PrintWriter out) {
        out.println("Stack " + stack + ": primary " + primaryRegion + ", DR " + drRegion + ", checked " + checkedAt);
        out.println();
        int region = width("REGION", findings.stream().map(Finding::region).toList());
        int tier = width("TIER", findings.stream().map(Finding::tier).toList());
        int check = width("CHECK", findings.stream().map(Finding::check).toList());
        String format = "%-" + region + "s  %-" + tier + "s  %-" + check + "s  %-5s  %s";
        out.println(String.format(format, "REGION", "TIER", "CHECK", "STATE", "DETAIL").stripTrailing());
        for (Finding finding : findings) {
            out.println(String.format(format, finding.region(), finding.tier(), finding.check(),
                    finding.verdict().label(), finding.detail()).stripTrailing());
        }
        out.println();
        if (ready()) {
            out.println("Ready for failover: yes");
        } else {
            out.println("Ready for failover: NO");
            out.println("Reasons:");
            reasons().forEach(reason -> out.println("  - " + reason));
        }
        if (!warnings().isEmpty()) {
            out.println("Warnings:");
            warnings().forEach(warning -> out.println("  - " + warning));
        }
    }

    /**
     * The RPO figures as numbers (seconds; null when there is no figure): the replica's lag now, its maximum over the
     * last hour and the bound, from the replica-lag finding, and the age of the newest DR image per tier.
     */
    private java.util.Optional<ObjectNode> rpo() {
        return findings.stream().filter(f -> ReplicaLagReadiness.CHECK.equals(f.check())).findFirst().map(f -> {
            ObjectNode rpo = JsonNodeFactory.instance.objectNode();
            ObjectNode images = rpo.putObject("imageAgeSeconds");
            findings.stream().filter(i -> i.check().startsWith(ImageAgeReadiness.CHECK + "-")
                    && i.facts().containsKey("ageSeconds")).forEach(i -> images.put(
                    i.check().substring(ImageAgeReadiness.CHECK.length() + 1),
                    Long.parseLong(i.facts().get("ageSeconds"))));
            for (String key : List.of(ReplicaLagReadiness.LAG_SECONDS, ReplicaLagReadiness.MAX_LAG_LAST_HOUR_SECONDS,
                    ReplicaLagReadiness.MAX_LAG_BOUND_SECONDS)) {
                String value = f.facts().get(key);
                if (value == null || value.equals("none")) {
                    rpo.putNull(key);
                } else {
                    rpo.put(key, Double.parseDouble(value));
                }
            }
            rpo.put("lagAt", f.facts().get("lagAt"));
            rpo.put("region", f.region());
            return rpo;
        });
    }

    private static int width(String header, List<String> values) {
        return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
    }
}
