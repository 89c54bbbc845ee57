package dr.regions.inmemory.worldjson;

/** A world class holds a type the sandbox codec has no rule for: a bug to fix in the world or in the codec. */
public final class UnsupportedWorldType extends IllegalStateException {
    UnsupportedWorldType(String message) {
        super(message);
    }
}
