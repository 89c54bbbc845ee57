package dr.regions.inmemory.ec2;

import dr.regions.inmemory.world.FakeClient;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.CopyImageRequest;
import software.amazon.awssdk.services.ec2.model.CopyImageResponse;
import software.amazon.awssdk.services.ec2.model.CreateImageRequest;
import software.amazon.awssdk.services.ec2.model.CreateImageResponse;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeregisterImageRequest;
import software.amazon.awssdk.services.ec2.model.DeregisterImageResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclResponse;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclAssociationRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclAssociationResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressRequest;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressResponse;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

/**
 * The in-memory EC2 service for one region: the SDK's {@link Ec2Client} over {@link Ec2State}, one class per
 * area doing the work. Operations dr does not use keep the SDK's default: they throw.
 */
public final class FakeEc2 extends FakeClient implements Ec2Client {
    private final VpcOperations vpcs;
    private final ZoneOperations zones;
    private final SubnetOperations subnets;
    private final InternetGatewayOperations internetGateways;
    private final AddressOperations addresses;
    private final NatGatewayOperations natGateways;
    private final RouteTableOperations routeTables;
    private final SecurityGroupOperations securityGroups;
    private final TagOperations tags;
    private final InstanceOperations instances;
    private final ImageOperations images;
    private final LaunchTemplateOperations launchTemplates;
    private final NetworkAclOperations networkAcls;

    public FakeEc2(World world, String region) {
        super(SERVICE_NAME);
        Ec2Context ctx = new Ec2Context(world, region);
        this.securityGroups = new SecurityGroupOperations(ctx);
        this.routeTables = new RouteTableOperations(ctx);
        this.vpcs = new VpcOperations(ctx, securityGroups, routeTables);
        this.zones = new ZoneOperations(ctx);
        this.subnets = new SubnetOperations(ctx);
        this.internetGateways = new InternetGatewayOperations(ctx);
        this.addresses = new AddressOperations(ctx);
        this.natGateways = new NatGatewayOperations(ctx, addresses);
        this.tags = new TagOperations(ctx);
        this.launchTemplates = new LaunchTemplateOperations(ctx);
        this.instances = new InstanceOperations(ctx, launchTemplates);
        this.images = new ImageOperations(ctx);
        this.networkAcls = new NetworkAclOperations(ctx);
    }

    @Override
    public CreateVpcResponse createVpc(CreateVpcRequest request) {
        return vpcs.createVpc(request);
    }

    @Override
    public DescribeVpcsResponse describeVpcs(DescribeVpcsRequest request) {
        return vpcs.describeVpcs(request);
    }

    @Override
    public ModifyVpcAttributeResponse modifyVpcAttribute(ModifyVpcAttributeRequest request) {
        return vpcs.modifyVpcAttribute(request);
    }

    @Override
    public DescribeVpcAttributeResponse describeVpcAttribute(DescribeVpcAttributeRequest request) {
        return vpcs.describeVpcAttribute(request);
    }

    @Override
    public DeleteVpcResponse deleteVpc(DeleteVpcRequest request) {
        return vpcs.deleteVpc(request);
    }

    @Override
    public DescribeNetworkAclsResponse describeNetworkAcls(DescribeNetworkAclsRequest request) {
        return networkAcls.describeNetworkAcls(request);
    }

    @Override
    public CreateNetworkAclResponse createNetworkAcl(CreateNetworkAclRequest request) {
        return networkAcls.createNetworkAcl(request);
    }

    @Override
    public ReplaceNetworkAclAssociationResponse replaceNetworkAclAssociation(
            ReplaceNetworkAclAssociationRequest request) {
        return networkAcls.replaceNetworkAclAssociation(request);
    }

    @Override
    public DeleteNetworkAclResponse deleteNetworkAcl(DeleteNetworkAclRequest request) {
        return networkAcls.deleteNetworkAcl(request);
    }

    @Override
    public DescribeRegionsResponse describeRegions(DescribeRegionsRequest request) {
        return zones.describeRegions(request);
    }

    @Override
    public DescribeAvailabilityZonesResponse describeAvailabilityZones(DescribeAvailabilityZonesRequest request) {
        return zones.describeAvailabilityZones(request);
    }

    @Override
    public DescribeInstanceTypeOfferingsResponse describeInstanceTypeOfferings(
            DescribeInstanceTypeOfferingsRequest request) {
        return zones.describeInstanceTypeOfferings(request);
    }

    @Override
    public CreateSubnetResponse createSubnet(CreateSubnetRequest request) {
        return subnets.createSubnet(request);
    }

    @Override
    public DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest request) {
        return subnets.describeSubnets(request);
    }

    @Override
    public ModifySubnetAttributeResponse modifySubnetAttribute(ModifySubnetAttributeRequest request) {
        return subnets.modifySubnetAttribute(request);
    }

    @Override
    public DeleteSubnetResponse deleteSubnet(DeleteSubnetRequest request) {
        return subnets.deleteSubnet(request);
    }

    @Override
    public CreateInternetGatewayResponse createInternetGateway(CreateInternetGatewayRequest request) {
        return internetGateways.createInternetGateway(request);
    }

    @Override
    public AttachInternetGatewayResponse attachInternetGateway(AttachInternetGatewayRequest request) {
        return internetGateways.attachInternetGateway(request);
    }

    @Override
    public DetachInternetGatewayResponse detachInternetGateway(DetachInternetGatewayRequest request) {
        return internetGateways.detachInternetGateway(request);
    }

    @Override
    public DeleteInternetGatewayResponse deleteInternetGateway(DeleteInternetGatewayRequest request) {
        return internetGateways.deleteInternetGateway(request);
    }

    @Override
    public DescribeInternetGatewaysResponse describeInternetGateways(DescribeInternetGatewaysRequest request) {
        return internetGateways.describeInternetGateways(request);
    }

    @Override
    public AllocateAddressResponse allocateAddress(AllocateAddressRequest request) {
        return addresses.allocateAddress(request);
    }

    @Override
    public DescribeAddressesResponse describeAddresses(DescribeAddressesRequest request) {
        return addresses.describeAddresses(request);
    }

    @Override
    public ReleaseAddressResponse releaseAddress(ReleaseAddressRequest request) {
        return addresses.releaseAddress(request);
    }

    @Override
    public CreateNatGatewayResponse createNatGateway(CreateNatGatewayRequest request) {
        return natGateways.createNatGateway(request);
    }

    @Override
    public DescribeNatGatewaysResponse describeNatGateways(DescribeNatGatewaysRequest request) {
        return natGateways.describeNatGateways(request);
    }

    @Override
    public DeleteNatGatewayResponse deleteNatGateway(DeleteNatGatewayRequest request) {
        return natGateways.deleteNatGateway(request);
    }

    @Override
    public CreateRouteTableResponse createRouteTable(CreateRouteTableRequest request) {
        return routeTables.createRouteTable(request);
    }

    @Override
    public CreateRouteResponse createRoute(CreateRouteRequest request) {
        return routeTables.createRoute(request);
    }

    @Override
    public ReplaceRouteResponse replaceRoute(ReplaceRouteRequest request) {
        return routeTables.replaceRoute(request);
    }

    @Override
    public DeleteRouteResponse deleteRoute(DeleteRouteRequest request) {
        return routeTables.deleteRoute(request);
    }

    @Override
    public AssociateRouteTableResponse associateRouteTable(AssociateRouteTableRequest request) {
        return routeTables.associateRouteTable(request);
    }

    @Override
    public DisassociateRouteTableResponse disassociateRouteTable(DisassociateRouteTableRequest request) {
        return routeTables.disassociateRouteTable(request);
    }

    @Override
    public DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest request) {
        return routeTables.describeRouteTables(request);
    }

    @Override
    public DeleteRouteTableResponse deleteRouteTable(DeleteRouteTableRequest request) {
        return routeTables.deleteRouteTable(request);
    }

    @Override
    public CreateSecurityGroupResponse createSecurityGroup(CreateSecurityGroupRequest request) {
        return securityGroups.createSecurityGroup(request);
    }

    @Override
    public AuthorizeSecurityGroupIngressResponse authorizeSecurityGroupIngress(
            AuthorizeSecurityGroupIngressRequest request) {
        return securityGroups.authorizeSecurityGroupIngress(request);
    }

    @Override
    public RevokeSecurityGroupIngressResponse revokeSecurityGroupIngress(RevokeSecurityGroupIngressRequest request) {
        return securityGroups.revokeSecurityGroupIngress(request);
    }

    @Override
    public AuthorizeSecurityGroupEgressResponse authorizeSecurityGroupEgress(
            AuthorizeSecurityGroupEgressRequest request) {
        return securityGroups.authorizeSecurityGroupEgress(request);
    }

    @Override
    public RevokeSecurityGroupEgressResponse revokeSecurityGroupEgress(RevokeSecurityGroupEgressRequest request) {
        return securityGroups.revokeSecurityGroupEgress(request);
    }

    @Override
    public DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest request) {
        return securityGroups.describeSecurityGroups(request);
    }

    @Override
    public DescribeSecurityGroupRulesResponse describeSecurityGroupRules(DescribeSecurityGroupRulesRequest request) {
        return securityGroups.describeSecurityGroupRules(request);
    }

    @Override
    public DeleteSecurityGroupResponse deleteSecurityGroup(DeleteSecurityGroupRequest request) {
        return securityGroups.deleteSecurityGroup(request);
    }

    @Override
    public CreateTagsResponse createTags(CreateTagsRequest request) {
        return tags.createTags(request);
    }

    @Override
    public DeleteTagsResponse deleteTags(DeleteTagsRequest request) {
        return tags.deleteTags(request);
    }

    @Override
    public RunInstancesResponse runInstances(RunInstancesRequest request) {
        return instances.runInstances(request);
    }

    @Override
    public DescribeInstancesResponse describeInstances(DescribeInstancesRequest request) {
        return instances.describeInstances(request);
    }

    @Override
    public TerminateInstancesResponse terminateInstances(TerminateInstancesRequest request) {
        return instances.terminateInstances(request);
    }

    @Override
    public DescribeImagesResponse describeImages(DescribeImagesRequest request) {
        return images.describeImages(request);
    }

    @Override
    public CreateImageResponse createImage(CreateImageRequest request) {
        return images.createImage(request);
    }

    @Override
    public CopyImageResponse copyImage(CopyImageRequest request) {
        return images.copyImage(request);
    }

    @Override
    public DeregisterImageResponse deregisterImage(DeregisterImageRequest request) {
        return images.deregisterImage(request);
    }

    @Override
    public DescribeSnapshotsResponse describeSnapshots(DescribeSnapshotsRequest request) {
        return images.describeSnapshots(request);
    }

    @Override
    public DeleteSnapshotResponse deleteSnapshot(DeleteSnapshotRequest request) {
        return images.deleteSnapshot(request);
    }

    @Override
    public CreateLaunchTemplateResponse createLaunchTemplate(CreateLaunchTemplateRequest request) {
        return launchTemplates.createLaunchTemplate(request);
    }

    @Override
    public CreateLaunchTemplateVersionResponse createLaunchTemplateVersion(CreateLaunchTemplateVersionRequest request) {
        return launchTemplates.createLaunchTemplateVersion(request);
    }

    @Override
    public ModifyLaunchTemplateResponse modifyLaunchTemplate(ModifyLaunchTemplateRequest request) {
        return launchTemplates.modifyLaunchTemplate(request);
    }

    @Override
    public DescribeLaunchTemplatesResponse describeLaunchTemplates(DescribeLaunchTemplatesRequest request) {
        return launchTemplates.describeLaunchTemplates(request);
    }

    @Override
    public DescribeLaunchTemplateVersionsResponse describeLaunchTemplateVersions(
            DescribeLaunchTemplateVersionsRequest request) {
        return launchTemplates.describeLaunchTemplateVersions(request);
    }

    @Override
    public DeleteLaunchTemplateResponse deleteLaunchTemplate(DeleteLaunchTemplateRequest request) {
        return launchTemplates.deleteLaunchTemplate(request);
    }

}
