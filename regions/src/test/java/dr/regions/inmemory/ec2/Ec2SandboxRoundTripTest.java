package dr.regions.inmemory.ec2;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.world.World;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import static org.assertj.core.api.Assertions.assertThat;

class Ec2SandboxRoundTripTest extends Ec2TestSupport {

    @Test
    void aPopulatedEc2StateSurvivesSaveAndLoadAndKeepsWorking() {
        String image = baseImage();
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.10.0.0/16")
                .tagSpecifications(tags("vpc", "dr:stack", "shop"))).vpc().vpcId();
        String publicSubnet = subnet(vpcId, "10.10.0.0/24", "us-east-1a");
        String privateSubnet = subnet(vpcId, "10.10.8.0/24", "us-east-1b");
        String igw = attachedInternetGateway(vpcId);
        String allocation = elasticIp();
        String nat = natGateway(publicSubnet, allocation);
        String app = securityGroup(vpcId, "app");
        String db = securityGroup(vpcId, "db");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(tcpFromGroup(3306, app)));
        String instance = runInstance(image, privateSubnet, app);
        String golden = ec2.createImage(r -> r.instanceId(instance).name("shop-app-golden")).imageId();
        ec2.createLaunchTemplate(r -> r.launchTemplateName("shop-app")
                .launchTemplateData(d -> d.imageId(golden).securityGroupIds(app)));
        String json = SandboxStore.toJson(world());

        World reloaded = SandboxStore.fromJson(json);
        Ec2Client again = new InMemoryCloud(reloaded).ec2(REGION);

        assertThat(SandboxStore.toJson(reloaded)).isEqualTo(json);
        assertThat(again.describeVpcs(r -> r.filters(filter("tag:dr:stack", "shop"))).vpcs()).hasSize(1);
        SecurityGroup dbGroup = again.describeSecurityGroups(r -> r.groupIds(db)).securityGroups().get(0);
        assertThat(dbGroup.ipPermissions().get(0).userIdGroupPairs().get(0).groupId()).isEqualTo(app);
        assertThat(again.describeNatGateways(r -> r.natGatewayIds(nat)).natGateways().get(0).stateAsString())
                .isEqualTo("pending");

        reloaded.clock().advance(ModeledDurations.IMAGE_CREATE);
        assertThat(again.describeNatGateways(r -> r.natGatewayIds(nat)).natGateways().get(0).stateAsString())
                .isEqualTo("available");
        assertThat(again.describeImages(r -> r.imageIds(golden)).images().get(0).stateAsString())
                .isEqualTo("available");
        assertThat(again.describeLaunchTemplateVersions(r -> r.launchTemplateName("shop-app"))
                .launchTemplateVersions().get(0).launchTemplateData().imageId()).isEqualTo(golden);

        assertEc2Error(() -> again.deleteSecurityGroup(r -> r.groupId(app)), "DependencyViolation");
        assertEc2Error(() -> again.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId)),
                "DependencyViolation");
        again.terminateInstances(r -> r.instanceIds(instance));
        again.deleteNatGateway(r -> r.natGatewayId(nat));
        reloaded.clock().advance(ModeledDurations.NAT_GATEWAY_DELETE);
        again.revokeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(tcpFromGroup(3306, app)));
        again.deleteSecurityGroup(r -> r.groupId(app));
        again.releaseAddress(r -> r.allocationId(allocation));
        again.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        String newSubnet = again.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.10.9.0/24")).subnet().subnetId();
        assertThat(newSubnet).as("ids continue from the saved counter").isNotIn(publicSubnet, privateSubnet);
    }
}
