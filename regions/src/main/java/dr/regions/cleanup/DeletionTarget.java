package dr.regions.cleanup;

import dr.core.engine.StepKey;
import dr.regions.aws.AwsClients;
import dr.regions.discovery.StackResource;

import java.util.List;

/** What a deletion step works on: its key and dependencies in the plan, the resource, and the clients. */
record DeletionTarget(StepKey key, List<StepKey> dependsOn, StackResource resource, AwsClients clients) {

    DeletionTarget {
        dependsOn = List.copyOf(dependsOn);
    }

    String region() {
        return resource.region();
    }

    String id() {
        return resource.id();
    }

    String attribute(String name) {
        return resource.attribute(name);
    }
}
