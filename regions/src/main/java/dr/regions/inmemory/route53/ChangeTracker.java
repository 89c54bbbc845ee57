package dr.regions.inmemory.route53;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.Route53State;
import dr.regions.inmemory.world.Route53State.Change;
import dr.regions.inmemory.world.Timeline;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.GetChangeRequest;
import software.amazon.awssdk.services.route53.model.GetChangeResponse;

/** Route 53 changes: every accepted change is PENDING until it has propagated to all name servers (INSYNC). */
final class ChangeTracker {
    static final String PREFIX = "/change/";

    private final World world;

    ChangeTracker(World world) {
        this.world = world;
    }

    ChangeInfo submit(String comment) {
        Change change = new Change();
        change.id = "C" + world.ids.upper(20);
        change.comment = comment;
        change.submittedAt = world.time();
        change.timeline = Timeline.startingAt(world.time(), "PENDING")
                .then("INSYNC", ModeledDurations.ROUTE53_CHANGE);
        world.route53.changes.put(change.id, change);
        return view(change);
    }

    GetChangeResponse getChange(GetChangeRequest request) {
        if (request.id() == null) {
            throw Route53Errors.missing("id");
        }
        String id = request.id().startsWith(PREFIX) ? request.id().substring(PREFIX.length()) : request.id();
        Change change = world.route53.changes.get(id);
        if (change == null) {
            throw Route53Errors.noSuchChange(request.id());
        }
        return GetChangeResponse.builder().changeInfo(view(change)).build();
    }

    private ChangeInfo view(Change change) {
        return ChangeInfo.builder()
                .id(PREFIX + change.id)
                .status(change.timeline.stateAt(world.time()))
                .submittedAt(change.submittedAt)
                .comment(change.comment)
                .build();
    }
}
