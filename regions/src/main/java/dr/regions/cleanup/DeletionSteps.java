package dr.regions.cleanup;

import dr.regions.discovery.Attributes;
import dr.regions.discovery.StackResource;

import java.util.Set;

/** The deletion step for each kind of resource: which call deletes it, and what it waits for. */
final class DeletionSteps {
    private static final Set<String> DEPENDENCY_VIOLATION = Set.of("DependencyViolation");

    private DeletionSteps() {
    }

    static DeletionStep forResource(DeletionTarget target, CleanupOptions options, String snapshotSuffix) {
        StackResource resource = target.resource();
        String region = resource.region();
        String id = resource.id();
        var clients = target.clients();
        return switch (resource.kind()) {
            case VPC -> new SingleCallDeletion(target,
                    () -> clients.ec2(region).deleteVpc(r -> r.vpcId(id)), DEPENDENCY_VIOLATION);
            case SUBNET -> new SingleCallDeletion(target,
                    () -> clients.ec2(region).deleteSubnet(r -> r.subnetId(id)), DEPENDENCY_VIOLATION);
            case SECURITY_GROUP -> new SingleCallDeletion(target,
                    () -> clients.ec2(region).deleteSecurityGroup(r -> r.groupId(id)), DEPENDENCY_VIOLATION);
            case ELASTIC_IP -> new SingleCallDeletion(target,
                    () -> clients.ec2(region).releaseAddress(r -> r.allocationId(id)), Set.of("InvalidIPAddress.InUse"));
            case SNAPSHOT -> new SingleCallDeletion(target,
                    () -> clients.ec2(region).deleteSnapshot(r -> r.snapshotId(id)), Set.of());
            case LAUNCH_TEMPLATE -> new SingleCallDeletion(target,
                    () -> clients.ec2(region).deleteLaunchTemplate(r -> r.launchTemplateId(id)), Set.of());
            case ROUTE_TABLE -> new RouteTableDeletion(target);
            case INTERNET_GATEWAY -> new InternetGatewayDeletion(target);
            case NAT_GATEWAY -> new NatGatewayDeletion(target);
            case INSTANCE -> new InstanceTermination(target);
            case IMAGE -> new ImageDeregistration(target);
            case AUTO_SCALING_GROUP -> new AutoScalingGroupDeletion(target);
            case LISTENER_RULE -> new SingleCallDeletion(target,
                    () -> clients.elb(region).deleteRule(r -> r.ruleArn(id)), Set.of());
            case LISTENER -> new SingleCallDeletion(target,
                    () -> clients.elb(region).deleteListener(r -> r.listenerArn(id)), Set.of());
            case LOAD_BALANCER -> new SingleCallDeletion(target,
                    () -> clients.elb(region).deleteLoadBalancer(r -> r.loadBalancerArn(id)), Set.of());
            case TARGET_GROUP -> new SingleCallDeletion(target,
                    () -> clients.elb(region).deleteTargetGroup(r -> r.targetGroupArn(id)), Set.of("ResourceInUse"));
            case DB_INSTANCE -> new DbInstanceDeletion(target, options.skipFinalSnapshot(), snapshotSuffix);
            case DB_SUBNET_GROUP -> new SingleCallDeletion(target,
                    () -> clients.rds(region).deleteDBSubnetGroup(r -> r.dbSubnetGroupName(id)),
                    Set.of("InvalidDBSubnetGroupStateFault"));
            case BACKUP_SELECTION -> new SingleCallDeletion(target,
                    () -> clients.backup(region).deleteBackupSelection(r -> r.selectionId(id)
                            .backupPlanId(resource.attribute(Attributes.PLAN_ID))), Set.of());
            case BACKUP_PLAN -> new BackupPlanDeletion(target);
            case RECOVERY_POINT -> new RecoveryPointDeletion(target);
            case BACKUP_VAULT -> new BackupVaultDeletion(target);
            case CERTIFICATE -> new SingleCallDeletion(target,
                    () -> clients.acm(region).deleteCertificate(r -> r.certificateArn(id)),
                    Set.of("ResourceInUseException"));
            case RECORD_SET -> new RecordSetDeletion(target);
            case HEALTH_CHECK -> new SingleCallDeletion(target,
                    () -> clients.route53().deleteHealthCheck(r -> r.healthCheckId(id)), Set.of());
            case HOSTED_ZONE -> new HostedZoneDeletion(target);
            case DISTRIBUTION -> new DistributionDeletion(target);
            case WEB_ACL -> new WebAclDeletion(target);
            case INSTANCE_PROFILE -> new InstanceProfileDeletion(target);
            case IAM_ROLE -> new IamRoleDeletion(target);
        };
    }
}
