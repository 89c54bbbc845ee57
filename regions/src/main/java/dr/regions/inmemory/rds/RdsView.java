package dr.regions.inmemory.rds;

import dr.regions.inmemory.world.RdsState;
import dr.regions.inmemory.world.RdsState.DbInstance;
import dr.regions.inmemory.world.RdsState.DbSnapshot;
import dr.regions.inmemory.world.RdsState.DbSubnetGroup;
import software.amazon.awssdk.services.rds.model.AvailabilityZone;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBInstanceStatusInfo;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;
import software.amazon.awssdk.services.rds.model.Endpoint;
import software.amazon.awssdk.services.rds.model.MasterUserSecret;
import software.amazon.awssdk.services.rds.model.Subnet;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The fake's state as the SDK's model objects, the way DescribeDBInstances & co. answer. */
final class RdsView {
    /** RDS reports a restorable time a few minutes behind now (transaction logs are uploaded every 5 minutes). */
    private static final Duration RESTORABLE_LAG = Duration.ofMinutes(5);

    private final RdsContext ctx;

    RdsView(RdsContext ctx) {
        this.ctx = ctx;
    }

    DBInstance instance(DbInstance db) {
        String status = ctx.state(db);
        DBInstance.Builder out = DBInstance.builder()
                .dbInstanceIdentifier(db.identifier)
                .dbInstanceArn(db.arn)
                .dbiResourceId(db.resourceId)
                .dbInstanceClass(db.instanceClass)
                .engine(db.engine)
                .engineVersion(db.engineVersion)
                .dbInstanceStatus(status)
                .masterUsername(db.masterUsername)
                .dbName(db.dbName)
                .allocatedStorage(db.allocatedStorage)
                .instanceCreateTime(db.createTime)
                .backupRetentionPeriod(db.backupRetentionPeriod)
                .multiAZ(db.multiAz)
                .availabilityZone(db.availabilityZone)
                .secondaryAvailabilityZone(db.multiAz ? db.secondaryAvailabilityZone : null)
                .publiclyAccessible(db.publiclyAccessible)
                .storageEncrypted(db.storageEncrypted)
                .kmsKeyId(db.kmsKeyId)
                .deletionProtection(db.deletionProtection)
                .copyTagsToSnapshot(db.copyTagsToSnapshot)
                .iamDatabaseAuthenticationEnabled(db.iamDatabaseAuthentication)
                .storageType("gp2")
                .vpcSecurityGroups(db.vpcSecurityGroupIds.stream()
                        .map(id -> VpcSecurityGroupMembership.builder().vpcSecurityGroupId(id).status("active").build())
                        .toList())
                .tagList(tags(db.tags))
                .readReplicaDBInstanceIdentifiers(db.readReplicaArns.stream().map(this::nameSeenFromHere).toList());
        if (!status.equals("creating")) {
            out.endpoint(Endpoint.builder().address(db.endpointAddress).port(db.port).build());
        }
        if (db.subnetGroupName != null) {
            DbSubnetGroup group = ctx.state.subnetGroups.get(db.subnetGroupName);
            if (group != null) {
                out.dbSubnetGroup(subnetGroup(group));
            }
        }
        if (db.masterUserSecretArn != null) {
            out.masterUserSecret(MasterUserSecret.builder().secretArn(db.masterUserSecretArn).secretStatus("active")
                    .kmsKeyId(db.masterUserSecretKmsKeyId).build());
        }
        if (db.replicationSourceArn != null) {
            out.readReplicaSourceDBInstanceIdentifier(nameSeenFromHere(db.replicationSourceArn));
            if (!status.equals("creating")) {
                out.statusInfos(DBInstanceStatusInfo.builder().statusType("read replication").normal(true)
                        .status("replicating").build());
            }
        }
        Instant restorable = latestRestorableTime(db, status);
        if (restorable != null) {
            out.latestRestorableTime(restorable);
        }
        return out.build();
    }

    /** Same-region replicas and sources are named by identifier, cross-region ones by ARN, as RDS does. */
    private String nameSeenFromHere(String arn) {
        RdsArn parsed = RdsArn.parse(arn);
        return parsed != null && parsed.region().equals(ctx.region) ? parsed.name() : arn;
    }

    private Instant latestRestorableTime(DbInstance db, String status) {
        if (db.backupRetentionPeriod <= 0 || status.equals("creating")) {
            return null;
        }
        Instant lagged = ctx.now().minus(RESTORABLE_LAG);
        return lagged.isBefore(db.createTime) ? db.createTime : lagged;
    }

    DBSubnetGroup subnetGroup(DbSubnetGroup group) {
        List<Subnet> subnets = new ArrayList<>();
        group.subnets.forEach((id, az) -> subnets.add(Subnet.builder().subnetIdentifier(id)
                .subnetAvailabilityZone(AvailabilityZone.builder().name(az).build()).subnetStatus("Active").build()));
        return DBSubnetGroup.builder()
                .dbSubnetGroupName(group.name)
                .dbSubnetGroupDescription(group.description)
                .dbSubnetGroupArn(group.arn)
                .vpcId(group.vpcId)
                .subnetGroupStatus("Complete")
                .subnets(subnets)
                .supportedNetworkTypes("IPV4")
                .build();
    }

    DBSnapshot snapshot(DbSnapshot snapshot) {
        String status = snapshot.timeline.stateAt(ctx.now());
        return DBSnapshot.builder()
                .dbSnapshotIdentifier(snapshot.identifier)
                .dbSnapshotArn(snapshot.arn)
                .dbInstanceIdentifier(snapshot.instanceIdentifier)
                .dbiResourceId(snapshot.resourceId)
                .snapshotCreateTime(snapshot.createTime)
                .instanceCreateTime(snapshot.instanceCreateTime)
                .engine(snapshot.engine)
                .engineVersion(snapshot.engineVersion)
                .allocatedStorage(snapshot.allocatedStorage)
                .masterUsername(snapshot.masterUsername)
                .vpcId(snapshot.vpcId)
                .availabilityZone(snapshot.availabilityZone)
                .port(snapshot.port)
                .status(status)
                .percentProgress(status.equals("available") ? 100 : 0)
                .snapshotType(snapshot.snapshotType)
                .encrypted(snapshot.encrypted)
                .kmsKeyId(snapshot.kmsKeyId)
                .iamDatabaseAuthenticationEnabled(snapshot.iamDatabaseAuthentication)
                .storageType("gp2")
                .tagList(tags(snapshot.tags))
                .build();
    }

    static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
