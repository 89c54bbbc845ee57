package dr.regions.inmemory.elb;

import dr.regions.inmemory.world.World;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the load balancer fake needs to know from EC2, asked through the EC2 fake's SDK operations as internal
 * lookups: the eventual-consistency fault's miss is meant for dr's own calls, not for ELB's.
 */
final class Ec2Lookup {
    private final World world;
    private final Ec2Client ec2;

    Ec2Lookup(World world, String region) {
        this.world = world;
        this.ec2 = world.services().ec2(region);
    }

    Optional<Subnet> subnet(String subnetId) {
        return internal(() -> orEmptyIfNotFound(() -> ec2.describeSubnets(DescribeSubnetsRequest.builder()
                .subnetIds(subnetId).build()).subnets().stream().findFirst()));
    }

    Optional<SecurityGroup> securityGroup(String groupId) {
        return internal(() -> orEmptyIfNotFound(() -> ec2.describeSecurityGroups(DescribeSecurityGroupsRequest.builder()
                .groupIds(groupId).build()).securityGroups().stream().findFirst()));
    }

    List<SecurityGroup> securityGroups(List<String> groupIds) {
        List<SecurityGroup> groups = new ArrayList<>();
        for (String id : groupIds) {
            securityGroup(id).ifPresent(groups::add);
        }
        return groups;
    }

    /** The VPC's default security group, which AWS uses when a request names none. */
    Optional<SecurityGroup> defaultSecurityGroup(String vpcId) {
        return internal(() -> ec2.describeSecurityGroups(DescribeSecurityGroupsRequest.builder()
                        .filters(filter("vpc-id", vpcId), filter("group-name", "default"))
                        .build())
                .securityGroups().stream().findFirst());
    }

    boolean vpcExists(String vpcId) {
        return internal(() -> orEmptyIfNotFound(() -> ec2.describeVpcs(DescribeVpcsRequest.builder().vpcIds(vpcId)
                .build()).vpcs().stream().findFirst())).isPresent();
    }

    boolean hasInternetGateway(String vpcId) {
        return internal(() -> ec2.describeInternetGateways(DescribeInternetGatewaysRequest.builder()
                        .filters(filter("attachment.vpc-id", vpcId))
                        .build())
                .internetGateways().stream()
                .filter(igw -> igw.attachments().stream().anyMatch(a -> vpcId.equals(a.vpcId())))
                .findFirst()).isPresent();
    }

    private <T> Optional<T> internal(Supplier<Optional<T>> lookup) {
        return world.faults().internal(lookup);
    }

    private static <T> Optional<T> orEmptyIfNotFound(Supplier<Optional<T>> lookup) {
        try {
            return lookup.get();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (code != null && (code.endsWith(".NotFound") || code.endsWith(".Malformed"))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }
}
