package dr.regions.network;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.ResourceType;

import java.util.List;
import java.util.Optional;

/** The Elastic IP a NAT gateway uses. */
public final class ElasticIpStep extends EnsureStep {
    private final RegionTarget target;
    private final String role;

    public ElasticIpStep(RegionTarget target, int zoneIndex) {
        super(target.key(NetworkRoles.natAddress(zoneIndex)), List.of(), "AWS::EC2::EIP", ModeledDurations.IMMEDIATE);
        this.target = target;
        this.role = NetworkRoles.natAddress(zoneIndex);
    }

    @Override
    protected Optional<String> find(StepContext context) {
        return ec2().describeAddresses(r -> r.filters(Ec2Tags.byRole(target.stack(), role)))
                .addresses().stream().map(Address::allocationId).findFirst();
    }

    @Override
    protected String create(StepContext context) {
        return ec2().allocateAddress(r -> r.domain(DomainType.VPC)
                .tagSpecifications(Ec2Tags.specification(ResourceType.ELASTIC_IP, target.tags(role)))).allocationId();
    }

    private Ec2Client ec2() {
        return target.clients().ec2(target.region());
    }
}
