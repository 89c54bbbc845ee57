package dr.regions.inmemory.world;


import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * State of the in-memory Auto Scaling service in one region: groups by name, each with its instances and its
 * scaling activities. Plain public fields: the sandbox file is this object written by Jackson.
 */
public final class AutoScalingState {
    public Map<String, Group> groups = new LinkedHashMap<>();

    /** A launch template reference: the group keeps the requested version, an instance the resolved number. */
    public record LaunchTemplateRef(String id, String name, String version) {
    }

    public record Tag(String key, String value, boolean propagateAtLaunch) {
    }

    public static final class Group {
        public String name;
        public String arn;
        public LaunchTemplateRef launchTemplate;
        public int minSize;
        public int maxSize;
        public int desiredCapacity;
        public int defaultCooldown = 300;
        /** subnet id → availability zone, in VPCZoneIdentifier order. */
        public Map<String, String> subnetZones = new LinkedHashMap<>();
        public List<String> targetGroupArns = new ArrayList<>();
        public String healthCheckType = "EC2";
        public int healthCheckGracePeriod;
        public Instant createdAt;
        /** Set by DeleteAutoScalingGroup: the group shows "Delete in progress" until it is gone. */
        public Instant deletingSince;
        /** After a failed launch: when Auto Scaling tries again to reach the desired capacity. */
        public Instant launchRetryAt;
        public List<Tag> tags = new ArrayList<>();
        public Map<String, Instance> instances = new LinkedHashMap<>();
        /** Newest last. */
        public List<Activity> activities = new ArrayList<>();
    }

    public static final class Instance {
        public String id;
        public String availabilityZone;
        public String subnetId;
        public LaunchTemplateRef launchTemplate;
        public Instant launchedAt;
        /** Pending → InService; on termination Terminating → Terminated (then it leaves the group). */
        public Timeline lifecycle;
    }

    public static final class Activity {
        public String id;
        public String description;
        public String cause;
        public Instant startTime;
        public Instant endTime;
        /** Null for an activity that succeeds at endTime; the error for a failed launch. */
        public String failure;
    }
}
