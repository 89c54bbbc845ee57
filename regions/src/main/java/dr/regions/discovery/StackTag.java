package dr.regions.discovery;

import dr.core.model.Tags;

import java.util.Map;

/**
 * The one test of membership: a resource belongs to the stack when its {@code dr:stack} tag names it. Readers ask
 * AWS to filter by tag where the API can, and still apply this test to every answer, so a filter an emulator
 * ignores can never let a foreign resource in.
 */
record StackTag(String stack) {

    boolean marks(Map<String, String> tags) {
        return tags != null && stack.equals(tags.get(Tags.STACK));
    }

    /** The CallerReference prefix dr stamps on the Route 53 zones and health checks it creates. */
    String callerPrefix() {
        return "dr/" + stack + "/";
    }
}
