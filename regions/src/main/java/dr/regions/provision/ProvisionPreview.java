package dr.regions.provision;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.engine.PlanRenderer;
import dr.core.model.Capacity;
import dr.core.model.RegionRole;
import dr.regions.network.ZonePreview;

import java.util.Map;

/** What {@code dr provision --dry-run} prints: the prepared plan, the zones each region would use, skips and notes. */
public record ProvisionPreview(PreparedProvision prepared, Map<String, ZonePreview> zones) {
    public ProvisionPreview {
        zones = Map.copyOf(zones);
    }

    public ObjectNode toJson() {
        ObjectNode document = PlanRenderer.json(prepared.plan());
        ObjectNode zoneNode = document.putObject("zones");
        for (RegionRole role : RegionRole.values()) {
            String region = prepared.spec().region(role);
            ZonePreview preview = zones.get(region);
            ObjectNode node = zoneNode.putObject(region);
            node.put("a", preview.zones() == null ? null : preview.zones().a());
            node.put("b", preview.zones() == null ? null : preview.zones().b());
            if (preview.zones() == null) {
                node.put("note", ZonePreview.AT_RUN_TIME + " (" + preview.note() + ")");
            }
        }
        Capacity dr = prepared.drCapacity();
        document.putObject("drCapacity").put("min", dr.min()).put("desired", dr.desired()).put("max", dr.max());
        ArrayNode skipped = document.putArray("skipped");
        prepared.skipped().forEach(skipped::add);
        ArrayNode notes = document.putArray("notes");
        prepared.notes().forEach(notes::add);
        document.set("changes", prepared.changes().toJson());
        return document;
    }

    public String text() {
        StringBuilder out = new StringBuilder(PlanRenderer.text(prepared.plan()));
        for (RegionRole role : RegionRole.values()) {
            String region = prepared.spec().region(role);
            out.append("Zones in ").append(region).append(": ")
                    .append(zones.get(region).text().substring("zones ".length())).append('\n');
        }
        prepared.skipped().forEach(reason -> out.append("Skipped: ").append(reason).append('\n'));
        prepared.notes().forEach(note -> out.append("Note: ").append(note).append('\n'));
        out.append(prepared.changes().text(prepared.spec().stack()));
        out.append("Dry run: nothing was changed; the only AWS calls read the stack's recorded settings and where the "
                + "writer database is (one read per region). Actions show 'ensure': provision keeps what exists.\n");
        return out.toString();
    }
}
