package dr.regions.step;

import dr.core.model.Tags;

import java.util.Map;

/**
 * Whose a resource found by its name is, by its {@code dr:stack} tag. dr adopts only its own stack's: cleanup later
 * deletes whatever dr considers its own, so a step that finds one of that name without this stack's tag fails instead.
 */
public final class StackOwnership {
    private StackOwnership() {
    }

    /** The stack {@code tags} name when it is not {@code stack} ({@code none} when untagged); null when it is. */
    public static String foreignOwner(String stack, Map<String, String> tags) {
        String owner = tags.get(Tags.STACK);
        if (stack.equals(owner)) {
            return null;
        }
        return owner == null ? "none" : owner;
    }

    /** Ready when {@code foreignOwner} is null, else broken: {@code what} ("a role", "a vault") is not adopted. */
    public static ResourceState readiness(String foreignOwner, String what) {
        if (foreignOwner == null) {
            return ResourceState.ready();
        }
        return ResourceState.broken("not this stack's (tag " + Tags.STACK + "=" + foreignOwner + "); dr does not adopt "
                + what + " it did not create");
    }
}
