package dr.regions.discovery;

/** The kinds of resource a stack is made of, with the AWS type names reports and plans show. */
public enum ResourceKind {
    VPC("AWS::EC2::VPC"),
    SUBNET("AWS::EC2::Subnet"),
    ROUTE_TABLE("AWS::EC2::RouteTable"),
    INTERNET_GATEWAY("AWS::EC2::InternetGateway"),
    NAT_GATEWAY("AWS::EC2::NatGateway"),
    ELASTIC_IP("AWS::EC2::EIP"),
    SECURITY_GROUP("AWS::EC2::SecurityGroup"),
    INSTANCE("AWS::EC2::Instance"),
    IMAGE("AWS::EC2::Image"),
    SNAPSHOT("AWS::EC2::Snapshot"),
    LAUNCH_TEMPLATE("AWS::EC2::LaunchTemplate"),
    AUTO_SCALING_GROUP("AWS::AutoScaling::AutoScalingGroup"),
    LOAD_BALANCER("AWS::ElasticLoadBalancingV2::LoadBalancer"),
    LISTENER("AWS::ElasticLoadBalancingV2::Listener"),
    LISTENER_RULE("AWS::ElasticLoadBalancingV2::ListenerRule"),
    TARGET_GROUP("AWS::ElasticLoadBalancingV2::TargetGroup"),
    DB_INSTANCE("AWS::RDS::DBInstance"),
    DB_SUBNET_GROUP("AWS::RDS::DBSubnetGroup"),
    BACKUP_VAULT("AWS::Backup::BackupVault"),
    BACKUP_PLAN("AWS::Backup::BackupPlan"),
    BACKUP_SELECTION("AWS::Backup::BackupSelection"),
    RECOVERY_POINT("AWS::Backup::RecoveryPoint"),
    CERTIFICATE("AWS::CertificateManager::Certificate"),
    HOSTED_ZONE("AWS::Route53::HostedZone"),
    RECORD_SET("AWS::Route53::RecordSet"),
    HEALTH_CHECK("AWS::Route53::HealthCheck"),
    DISTRIBUTION("AWS::CloudFront::Distribution"),
    WEB_ACL("AWS::WAFv2::WebACL"),
    IAM_ROLE("AWS::IAM::Role"),
    INSTANCE_PROFILE("AWS::IAM::InstanceProfile");

    private final String awsType;

    ResourceKind(String awsType) {
        this.awsType = awsType;
    }

    public String awsType() {
        return awsType;
    }

    /** Lower-case with hyphens, e.g. {@code nat-gateway}: the role of a resource that has no {@code dr:role}. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
