package dr.regions.inmemory.rds;

import dr.regions.inmemory.world.FakeClient;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceResponse;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceReadReplicaRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceReadReplicaResponse;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.CreateDbSubnetGroupRequest;
import software.amazon.awssdk.services.rds.model.CreateDbSubnetGroupResponse;
import software.amazon.awssdk.services.rds.model.DeleteDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.DeleteDbSubnetGroupRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbSubnetGroupResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSubnetGroupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSubnetGroupsResponse;
import software.amazon.awssdk.services.rds.model.DescribeOrderableDbInstanceOptionsRequest;
import software.amazon.awssdk.services.rds.model.DescribeOrderableDbInstanceOptionsResponse;
import software.amazon.awssdk.services.rds.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.rds.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.PromoteReadReplicaRequest;
import software.amazon.awssdk.services.rds.model.PromoteReadReplicaResponse;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceResponse;

/**
 * The in-memory RDS service for one region: DB subnet groups, MySQL DB instances with their lifecycle on the
 * modeled clock, cross-region read replicas and their promotion, final snapshots, tags. Operations dr does not
 * use keep the SDK's default: they throw.
 */
public final class FakeRds extends FakeClient implements RdsClient {
    private final RdsContext ctx;
    private final SubnetGroupOperations subnetGroups;
    private final DbInstanceOperations instances;
    private final ModifyDeleteOperations changes;
    private final ReadReplicaOperations replicas;
    private final SnapshotOperations snapshots;
    private final RdsTagOperations tags;

    public FakeRds(World world, String region) {
        super(SERVICE_NAME);
        this.ctx = new RdsContext(world, region);
        RdsView view = new RdsView(ctx);
        this.subnetGroups = new SubnetGroupOperations(ctx, view);
        this.instances = new DbInstanceOperations(ctx, view);
        this.changes = new ModifyDeleteOperations(ctx, view, instances);
        this.replicas = new ReadReplicaOperations(ctx, view, instances);
        this.snapshots = new SnapshotOperations(ctx, view);
        this.tags = new RdsTagOperations(ctx);
    }

    @Override
    public CreateDbSubnetGroupResponse createDBSubnetGroup(CreateDbSubnetGroupRequest request) {
        ctx.settle();
        return subnetGroups.create(request);
    }

    @Override
    public DescribeDbSubnetGroupsResponse describeDBSubnetGroups(DescribeDbSubnetGroupsRequest request) {
        ctx.settle();
        return subnetGroups.describe(request);
    }

    @Override
    public DeleteDbSubnetGroupResponse deleteDBSubnetGroup(DeleteDbSubnetGroupRequest request) {
        ctx.settle();
        return subnetGroups.delete(request);
    }

    @Override
    public CreateDbInstanceResponse createDBInstance(CreateDbInstanceRequest request) {
        ctx.settle();
        return instances.create(request);
    }

    @Override
    public DescribeOrderableDbInstanceOptionsResponse describeOrderableDBInstanceOptions(
            DescribeOrderableDbInstanceOptionsRequest request) {
        ctx.settle();
        return OrderableOptions.describe(request, DbInstanceOperations.defaultVersion(request.engine()));
    }

    @Override
    public DescribeDbInstancesResponse describeDBInstances(DescribeDbInstancesRequest request) {
        ctx.settle();
        return instances.describe(request);
    }

    @Override
    public ModifyDbInstanceResponse modifyDBInstance(ModifyDbInstanceRequest request) {
        ctx.settle();
        return changes.modify(request);
    }

    @Override
    public DeleteDbInstanceResponse deleteDBInstance(DeleteDbInstanceRequest request) {
        ctx.settle();
        return changes.delete(request);
    }

    @Override
    public CreateDbInstanceReadReplicaResponse createDBInstanceReadReplica(CreateDbInstanceReadReplicaRequest request) {
        ctx.settle();
        return replicas.create(request);
    }

    @Override
    public PromoteReadReplicaResponse promoteReadReplica(PromoteReadReplicaRequest request) {
        ctx.settle();
        return replicas.promote(request);
    }

    @Override
    public DescribeDbSnapshotsResponse describeDBSnapshots(DescribeDbSnapshotsRequest request) {
        ctx.settle();
        return snapshots.describe(request);
    }

    @Override
    public DeleteDbSnapshotResponse deleteDBSnapshot(DeleteDbSnapshotRequest request) {
        ctx.settle();
        return snapshots.delete(request);
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        ctx.settle();
        return tags.list(request);
    }

    @Override
    public AddTagsToResourceResponse addTagsToResource(AddTagsToResourceRequest request) {
        ctx.settle();
        return tags.add(request);
    }

    @Override
    public RemoveTagsFromResourceResponse removeTagsFromResource(RemoveTagsFromResourceRequest request) {
        ctx.settle();
        return tags.remove(request);
    }
}
