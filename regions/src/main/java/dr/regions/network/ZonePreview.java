package dr.regions.network;

import dr.core.DrException;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.core.model.ZonePair;
import dr.regions.aws.AwsClients;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The zones each region of the stack would use, for the dry run and the graph: read-only lookups when dr may ask
 * (the sandbox, or graph --live); otherwise, or when the lookup fails, "chosen at run time" and why.
 *
 * @param zones null when not known before the run
 * @param note  why not, when not known
 */
public record ZonePreview(String region, ZonePair zones, String note) {
    public static final String AT_RUN_TIME = "chosen at run time";

    /** Per region, primary first, read with {@code clients}. */
    public static Map<String, ZonePreview> of(StackSpec spec, AwsClients clients) {
        Map<String, ZonePreview> previews = new LinkedHashMap<>();
        for (RegionRole role : RegionRole.values()) {
            previews.put(spec.region(role), lookUp(new RegionTarget(spec, role, clients)));
        }
        return previews;
    }

    /** Per region, primary first, without asking AWS: {@code why} says why not, e.g. "a dry run does not read them". */
    public static Map<String, ZonePreview> unknown(StackSpec spec, String why) {
        Map<String, ZonePreview> previews = new LinkedHashMap<>();
        for (RegionRole role : RegionRole.values()) {
            previews.put(spec.region(role), new ZonePreview(spec.region(role), null, why));
        }
        return previews;
    }

    private static ZonePreview lookUp(RegionTarget target) {
        try {
            return new ZonePreview(target.region(), ZoneSelection.preview(target), null);
        } catch (SdkException | DrException e) {
            return new ZonePreview(target.region(), null, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
    }

    /** {@code zones us-east-1a (a), us-east-1b (b)}, or {@code zones chosen at run time (why)}. */
    public String text() {
        return "zones " + (zones != null ? zones.toString() : AT_RUN_TIME + " (" + note + ")");
    }
}
