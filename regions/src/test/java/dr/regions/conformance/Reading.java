package dr.regions.conformance;

import software.amazon.awssdk.services.rds.model.DBInstance;

import java.util.List;
import java.util.function.Function;

/**
 * Settings AWS documents, read back after the calls that set them: each scenario answers what the reads show.
 */
final class Reading {
    private static final String REPLICA = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/"
            + "API_CreateDBInstanceReadReplica.html (CopyTagsToSnapshot: \"Specifies whether to copy all tags from the"
            + " read replica to snapshots of the read replica. By default, tags aren't copied.\")";
    private static final String MODIFY = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/"
            + "API_ModifyDBInstance.html (CopyTagsToSnapshot)";

    private Reading() {
    }

    private static Scenario of(String id, String expected, String source, Function<Fixture, String> read) {
        return Scenario.of("reading", id, expected, source, read);
    }

    static List<Scenario> all() {
        return List.of(
                of("RDS CreateDBInstanceReadReplica without CopyTagsToSnapshot, of a source that has it",
                        "source true, replica false", REPLICA, f -> {
                            f.replicaSource("source", f.dbSubnetGroup("group"), true);
                            f.readReplica("replica", "source", null);
                            return "source " + copiesTags(f, "source") + ", replica " + copiesTags(f, "replica");
                        }).gap("G25"),
                of("RDS CreateDBInstanceReadReplica with CopyTagsToSnapshot, of a source without it",
                        "source false, replica true", REPLICA, f -> {
                            f.replicaSource("source", f.dbSubnetGroup("group"), false);
                            f.readReplica("replica", "source", true);
                            return "source " + copiesTags(f, "source") + ", replica " + copiesTags(f, "replica");
                        }),
                of("RDS CreateDBInstanceReadReplica with CopyTagsToSnapshot false, of a source that has it: the"
                                + " create answer and DescribeDBInstances", "answered false, described false",
                        REPLICA, f -> {
                            f.replicaSource("source", f.dbSubnetGroup("group"), true);
                            DBInstance answered = f.clients().rds(Fixture.REGION).createDBInstanceReadReplica(r -> r
                                    .dbInstanceIdentifier("replica").sourceDBInstanceIdentifier("source")
                                    .copyTagsToSnapshot(false)).dbInstance();
                            f.awaitAvailable("replica");
                            return "answered " + answered.copyTagsToSnapshot() + ", described "
                                    + copiesTags(f, "replica");
                        }),
                of("RDS ModifyDBInstance turns CopyTagsToSnapshot on for a replica made without it",
                        "before false, after true", REPLICA + "; " + MODIFY, f -> {
                            f.replicaSource("source", f.dbSubnetGroup("group"), false);
                            f.readReplica("replica", "source", null);
                            String before = copiesTags(f, "replica");
                            f.clients().rds(Fixture.REGION).modifyDBInstance(r -> r.dbInstanceIdentifier("replica")
                                    .copyTagsToSnapshot(true).applyImmediately(true));
                            return "before " + before + ", after " + copiesTags(f, "replica");
                        }));
    }

    /** DescribeDBInstances' CopyTagsToSnapshot of the instance: {@code true}, {@code false} or {@code null}. */
    private static String copiesTags(Fixture f, String id) {
        return String.valueOf(f.describe(id).copyTagsToSnapshot());
    }
}
