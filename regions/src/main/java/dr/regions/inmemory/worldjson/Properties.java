package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The properties of one world class, in the order they are written, and found by name when read. */
final class Properties {
    private final Property[] ordered;
    private final Map<String, Integer> index = new HashMap<>();

    Properties(List<Property> properties) {
        this.ordered = properties.toArray(new Property[0]);
        for (int i = 0; i < ordered.length; i++) {
            index.put(ordered[i].name, i);
        }
    }

    /** The property of this name, or -1 for a name the class does not have (ignored, as databind did). */
    int indexOf(String name) {
        Integer at = index.get(name);
        return at == null ? -1 : at;
    }

    Property at(int index) {
        return ordered[index];
    }

    int size() {
        return ordered.length;
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        for (Property property : ordered) {
            names.add(property.name);
        }
        return names;
    }

    void writeAll(JsonGenerator out, Object owner) throws IOException {
        for (Property property : ordered) {
            property.write(out, owner);
        }
    }
}
