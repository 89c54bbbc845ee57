package dr.regions.database;

import dr.regions.aws.AwsTags;
import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.core.model.SubnetRole;
import dr.regions.network.NetworkRoles;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DbSubnetGroupNotFoundException;

import java.util.List;
import java.util.Optional;

/** The DB subnet group over the two database subnets. Found by its name, {@code <stack>-db-subnet-group}. */
public final class DbSubnetGroupStep extends EnsureStep {
    private final RegionTarget target;

    public DbSubnetGroupStep(RegionTarget target) {
        super(target.key(DatabaseRoles.SUBNET_GROUP),
                List.of(target.key(NetworkRoles.subnet(SubnetRole.DB_A)), target.key(NetworkRoles.subnet(SubnetRole.DB_B))),
                "AWS::RDS::DBSubnetGroup", ModeledDurations.IMMEDIATE);
        this.target = target;
    }

    private String name() {
        return target.name(DatabaseRoles.SUBNET_GROUP);
    }

    @Override
    protected Optional<String> find(StepContext context) {
        try {
            return rds().describeDBSubnetGroups(r -> r.dbSubnetGroupName(name())).dbSubnetGroups().stream()
                    .map(g -> g.dbSubnetGroupName()).findFirst();
        } catch (DbSubnetGroupNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    protected String create(StepContext context) {
        return rds().createDBSubnetGroup(r -> r.dbSubnetGroupName(name())
                        .dbSubnetGroupDescription("dr stack " + target.stack() + ": database subnets")
                        .subnetIds(subnetIds(context))
                        .tags(AwsTags.rds(target.tags(DatabaseRoles.SUBNET_GROUP))))
                .dbSubnetGroup().dbSubnetGroupName();
    }

    private List<String> subnetIds(StepContext context) {
        return List.of(context.require(target.key(NetworkRoles.subnet(SubnetRole.DB_A)), "id"),
                context.require(target.key(NetworkRoles.subnet(SubnetRole.DB_B)), "id"));
    }

    private RdsClient rds() {
        return target.clients().rds(target.region());
    }
}
