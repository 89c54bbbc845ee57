package dr.regions.cleanup;

import java.util.Map;

/** Where a deletion stands after one look at AWS: gone (with outputs for the report), or still going. */
record Progress(boolean done, String status, Map<String, String> outputs) {

    Progress {
        outputs = Map.copyOf(outputs);
    }

    static Progress gone() {
        return new Progress(true, "deleted", Map.of());
    }

    static Progress gone(Map<String, String> outputs) {
        return new Progress(true, "deleted", outputs);
    }

    static Progress waiting(String status) {
        return new Progress(false, status, Map.of());
    }
}
