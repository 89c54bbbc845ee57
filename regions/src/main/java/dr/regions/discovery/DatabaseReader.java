package dr.regions.discovery;

import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's RDS resources in one region. DescribeDBInstances carries each instance's TagList; DB subnet groups
 * carry none, so their tags are read with ListTagsForResource.
 */
final class DatabaseReader {
    private final RdsClient rds;
    private final String region;
    private final StackTag stack;

    DatabaseReader(RdsClient rds, String region, StackTag stack) {
        this.rds = rds;
        this.region = region;
        this.stack = stack;
    }

    List<StackResource> read() {
        List<StackResource> found = new ArrayList<>();
        for (DBInstance db : rds.describeDBInstancesPaginator(r -> { }).dbInstances()) {
            Map<String, String> tags = map(db.tagList());
            if (stack.marks(tags)) {
                found.add(StackResource.of(ResourceKind.DB_INSTANCE, region, db.dbInstanceIdentifier(), tags)
                        .state(db.dbInstanceStatus()).with(Attributes.ARN, db.dbInstanceArn())
                        .with(Attributes.REPLICA_OF, db.readReplicaSourceDBInstanceIdentifier())
                        .with(Attributes.DELETION_PROTECTION, db.deletionProtection()).build());
            }
        }
        for (DBSubnetGroup group : rds.describeDBSubnetGroupsPaginator(r -> { }).dbSubnetGroups()) {
            Map<String, String> tags = map(rds.listTagsForResource(r -> r.resourceName(group.dbSubnetGroupArn()))
                    .tagList());
            if (stack.marks(tags)) {
                found.add(StackResource.of(ResourceKind.DB_SUBNET_GROUP, region, group.dbSubnetGroupName(), tags)
                        .state(group.subnetGroupStatus()).with(Attributes.ARN, group.dbSubnetGroupArn())
                        .with(Attributes.VPC_ID, group.vpcId()).build());
            }
        }
        return found;
    }

    private static Map<String, String> map(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }
}
