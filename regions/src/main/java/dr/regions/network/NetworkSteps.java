package dr.regions.network;

import dr.core.engine.Step;
import dr.core.model.SubnetRole;
import dr.regions.step.FirstLook;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.model.Subnet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The network of one region as steps: VPC, eight subnets, internet gateway, NAT gateway(s) with Elastic IPs,
 * a public route table to the internet gateway and private route table(s) to the NAT.
 */
public final class NetworkSteps {
    private NetworkSteps() {
    }

    public static List<Step> forRegion(RegionTarget target) {
        List<Step> steps = new ArrayList<>();
        steps.add(new VpcStep(target));
        FirstLook<Subnet> subnets = SubnetStep.firstLook(target);
        ZoneSelection zones = new ZoneSelection(target);
        for (SubnetRole subnet : SubnetRole.values()) {
            steps.add(new SubnetStep(target, subnet, subnets, zones));
        }
        steps.add(new InternetGatewayStep(target));
        int natCount = target.spec().natPerAz() ? 2 : 1;
        for (int zone = 0; zone < natCount; zone++) {
            steps.add(new ElasticIpStep(target, zone));
            steps.add(new NatGatewayStep(target, zone));
        }
        steps.add(RouteTableStep.publicRoutes(target, List.of(SubnetRole.PUBLIC_A, SubnetRole.PUBLIC_B)));
        if (natCount == 2) {
            for (int zone = 0; zone < 2; zone++) {
                steps.add(RouteTableStep.privateRoutes(target, zone, zone, privateSubnets(zone)));
            }
        } else {
            List<SubnetRole> all = new ArrayList<>(privateSubnets(0));
            all.addAll(privateSubnets(1));
            steps.add(RouteTableStep.privateRoutes(target, 0, 0, all));
        }
        return steps;
    }

    private static List<SubnetRole> privateSubnets(int zone) {
        return Arrays.stream(SubnetRole.values()).filter(s -> !s.isPublic() && s.zoneIndex() == zone).toList();
    }
}
