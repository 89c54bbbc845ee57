package dr.regions.conformance;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each scenario showed on each implementation, for the figures line: a scenario agrees when both behaved as AWS
 * documents; it is an emulator gap when the in-memory cloud did and moto did not, for a reason the gap table names;
 * anything else is a fake defect (the test that saw it has failed).
 */
final class Tally {
    enum Verdict { AS_AWS, GAP, DEFECT }

    private static final Map<String, Map<Implementation, Verdict>> SEEN = new ConcurrentHashMap<>();
    private static final Map<String, String> GAP_ROWS = new ConcurrentHashMap<>();

    private Tally() {
    }

    static void record(String scenario, Implementation implementation, Verdict verdict) {
        SEEN.computeIfAbsent(scenario, s -> new ConcurrentHashMap<>()).put(implementation, verdict);
    }

    static void gap(String scenario, String row) {
        GAP_ROWS.put(scenario, row);
        record(scenario, Implementation.MOTO, Verdict.GAP);
    }

    /** {@code CONFORMANCE: N scenarios, A agree, G emulator gaps, D fake defects open}, over the scenarios run on both. */
    static String line() {
        int scenarios = 0;
        int agree = 0;
        int gaps = 0;
        int defects = 0;
        Set<String> rows = new TreeSet<>(Comparator.comparingInt((String row) -> Integer.parseInt(row.substring(1))));
        for (Map.Entry<String, Map<Implementation, Verdict>> entry : new TreeMap<>(SEEN).entrySet()) {
            Map<Implementation, Verdict> verdicts = entry.getValue();
            if (verdicts.size() < Implementation.values().length) {
                continue;
            }
            scenarios++;
            if (verdicts.containsValue(Verdict.DEFECT) || verdicts.get(Implementation.IN_MEMORY) != Verdict.AS_AWS) {
                defects++;
            } else if (verdicts.get(Implementation.MOTO) == Verdict.GAP) {
                gaps++;
                rows.add(GAP_ROWS.get(entry.getKey()));
            } else {
                agree++;
            }
        }
        return "CONFORMANCE: " + scenarios + " scenarios, " + agree + " agree, " + gaps + " emulator gaps, " + defects
                + " fake defects open"
                + (rows.isEmpty() ? "" : " (gap rows " + String.join(", ", rows) + ")");
    }
}
