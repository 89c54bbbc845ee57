package dr.regions.graph;

import dr.core.model.StackSpec;

/**
 * What {@code dr graph} is asked to draw.
 *
 * @param spec      the stack, both regions known
 * @param live      look at what is deployed (read-only calls) and mark what is missing or not healthy
 * @param readZones read the zones each region would use (read-only calls); else they are "chosen at run time"
 */
public record GraphRequest(StackSpec spec, boolean live, boolean readZones) {
}
