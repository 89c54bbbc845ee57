package dr.regions.conformance;

import dr.regions.aws.AwsClients;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.IpPermission;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A change someone makes by hand to a resource dr manages; the next run's converge must put it back and say so
 * ({@code UPDATE}) while every other step keeps its resource. {@code change} gets the clients and the drifted
 * step's resource id.
 */
record Drift(String id, String stepRole, BiConsumer<AwsClients, String> change) {
    static final String REGION = "us-east-1";

    @Override
    public String toString() {
        return id;
    }

    static List<Drift> all() {
        return List.of(
                new Drift("VPC DNS hostnames turned off", "vpc", (clients, vpcId) -> clients.ec2(REGION)
                        .modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(off()))),
                new Drift("public subnet stops mapping public IPs", "subnet-public-a", (clients, subnetId) ->
                        clients.ec2(REGION).modifySubnetAttribute(r -> r.subnetId(subnetId).mapPublicIpOnLaunch(off()))),
                new Drift("web ALB security group loses its HTTPS rule", "sg-alb-web", (clients, groupId) ->
                        clients.ec2(REGION).revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                                IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                                        .ipRanges(range -> range.cidrIp("0.0.0.0/0")).build()))),
                new Drift("private route table loses its default route", "rtb-private-a", (clients, tableId) ->
                        clients.ec2(REGION).deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0"))));
    }

    private static AttributeBooleanValue off() {
        return AttributeBooleanValue.builder().value(false).build();
    }
}
