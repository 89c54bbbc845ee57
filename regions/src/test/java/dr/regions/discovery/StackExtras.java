package dr.regions.discovery;

import dr.core.model.ModeledDurations;
import dr.core.model.RegionRole;
import dr.core.model.Regions;
import dr.core.model.Tags;
import dr.regions.dns.HostedZones;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.cloudfront.ManagedPolicies;
import dr.regions.inmemory.wafv2.WebAclFixture;
import dr.regions.inmemory.world.World;
import dr.regions.network.Ec2Tags;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import software.amazon.awssdk.services.wafv2.model.Scope;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resources of the kinds the provisioning plan does not build yet, created by hand and tagged exactly as dr tags
 * them, on top of a provisioned stack: per region a target group, an internet-facing ALB in the public subnets with
 * an HTTP listener and the {@code /_dr/region} rule (and an HTTPS listener with the region's certificate), a launch
 * template and an Auto Scaling group attached to the target group, a bastion-like instance with a public address,
 * a golden AMI with its snapshot, a backup vault holding a recovery point of the instance, a backup plan with a tag
 * selection; in the DR vault a copied recovery point; globally a health check, failover and alias records in the
 * operator's public zone, a us-east-1 certificate, a CLOUDFRONT web ACL and a distribution using both.
 * Names carry an {@code x-} prefix so that they never collide with what provisioning itself builds.
 */
public final class StackExtras {
    public static final String DOMAIN = "example.com";
    private static final String CLOUDFRONT_ZONE = "Z2FDTNDATAQYW2";

    private final InMemoryCloud cloud;
    private final String stack;
    private final String primary;
    private final String dr;
    /** The names under the public zone this stack uses: {@code example.com} for dr, {@code other.example.com}... */
    private final String domain;

    /** The provisioned stack's own Backup role. */
    private String backupRole() {
        return "arn:aws:iam::" + World.ACCOUNT_ID + ":role/dr/" + stack + "-backup-role";
    }

    public StackExtras(InMemoryCloud cloud, String stack, String primary, String dr, String domain) {
        this.cloud = cloud;
        this.stack = stack;
        this.primary = primary;
        this.dr = dr;
        this.domain = domain;
    }

    /** What {@link #build} made that tests look at. */
    public record Built(Map<String, Alb> albs, String distributionId, String webAclId, String healthCheckId,
                        String edgeCertificate) {
    }

    public record Alb(String arn, String dnsName, String zoneId, String targetGroupArn, String instanceId,
                      String vaultName) {
    }

    public Built build() {
        Map<String, Alb> albs = new LinkedHashMap<>();
        String edgeCertificate = certificate(Regions.GLOBAL_EDGE, RegionRole.PRIMARY, "edge-certificate",
                "app." + domain, "api." + domain);
        albs.put(primary, region(primary, RegionRole.PRIMARY, edgeCertificate));
        String drCertificate = certificate(dr, RegionRole.DR, "alb-certificate", "api." + domain);
        albs.put(dr, region(dr, RegionRole.DR, drCertificate));
        copyRecoveryPoint(albs.get(primary), albs.get(dr));
        String healthCheck = healthCheck(albs.get(primary));
        failoverRecords(albs.get(primary), albs.get(dr), healthCheck);
        String webAcl = webAcl();
        String distribution = distribution(albs.get(primary), albs.get(dr), edgeCertificate, webAcl);
        advance(ModeledDurations.CLOUDFRONT_DEPLOY);
        return new Built(albs, distribution.split(" ")[0], webAcl.split(" ")[0], healthCheck, edgeCertificate);
    }

    private Map<String, String> tags(String role, RegionRole regionRole) {
        return Tags.forResource(stack, role, regionRole);
    }

    private String name(String role) {
        return stack + "-" + role;
    }

    private void advance(Duration duration) {
        cloud.world().clock().advance(duration);
    }

    private String byRole(Ec2Client ec2, String kind, String role) {
        List<Filter> filters = Ec2Tags.byRole(stack, role);
        return switch (kind) {
            case "subnet" -> ec2.describeSubnets(r -> r.filters(filters)).subnets().get(0).subnetId();
            case "sg" -> ec2.describeSecurityGroups(r -> r.filters(filters)).securityGroups().get(0).groupId();
            case "vpc" -> ec2.describeVpcs(r -> r.filters(filters)).vpcs().get(0).vpcId();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private Alb region(String region, RegionRole role, String certificate) {
        Ec2Client ec2 = cloud.ec2(region);
        ElasticLoadBalancingV2Client elb = cloud.elb(region);
        String vpc = byRole(ec2, "vpc", "vpc");
        String publicA = byRole(ec2, "subnet", "subnet-public-a");
        String publicB = byRole(ec2, "subnet", "subnet-public-b");
        String webA = byRole(ec2, "subnet", "subnet-web-a");
        String webB = byRole(ec2, "subnet", "subnet-web-b");
        String albGroup = byRole(ec2, "sg", "sg-alb-web");
        String webGroup = byRole(ec2, "sg", "sg-web");
        String bastionGroup = byRole(ec2, "sg", "sg-bastion");

        String targetGroup = elb.createTargetGroup(r -> r.name(name("x-tg")).protocol("HTTP").port(80).vpcId(vpc)
                .targetType("instance").tags(elbTags("x-tg", role))).targetGroups().get(0).targetGroupArn();
        LoadBalancer alb = elb.createLoadBalancer(r -> r.name(name("x-alb")).subnets(publicA, publicB)
                .securityGroups(albGroup).scheme("internet-facing").type("application")
                .tags(elbTags("x-alb", role))).loadBalancers().get(0);
        String http = elb.createListener(r -> r.loadBalancerArn(alb.loadBalancerArn()).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(targetGroup))
                .tags(elbTags("x-listener-http", role))).listeners().get(0).listenerArn();
        elb.createRule(r -> r.listenerArn(http).priority(1)
                .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/_dr/region")))
                .actions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("200")
                        .contentType("text/plain").messageBody(region)))
                .tags(elbTags("x-rule-region", role)));
        elb.createListener(r -> r.loadBalancerArn(alb.loadBalancerArn()).protocol("HTTPS").port(443)
                .certificates(c -> c.certificateArn(certificate))
                .defaultActions(a -> a.type("forward").targetGroupArn(targetGroup))
                .tags(elbTags("x-listener-https", role)));

        String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        String template = ec2.createLaunchTemplate(r -> r.launchTemplateName(name("x-lt"))
                .tagSpecifications(Ec2Tags.specification(ResourceType.LAUNCH_TEMPLATE, tags("x-lt", role)))
                .launchTemplateData(d -> d.imageId(image).instanceType("t3.micro").securityGroupIds(webGroup)))
                .launchTemplate().launchTemplateId();
        cloud.autoScaling(region).createAutoScalingGroup(r -> r.autoScalingGroupName(name("x-asg"))
                .launchTemplate(t -> t.launchTemplateId(template).version("$Latest"))
                .minSize(1).maxSize(2).desiredCapacity(1).vpcZoneIdentifier(webA + "," + webB)
                .targetGroupARNs(targetGroup).healthCheckType("ELB").healthCheckGracePeriod(300)
                .tags(asgTags(role)));

        String instance = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1)
                .subnetId(publicA).securityGroupIds(bastionGroup)
                .tagSpecifications(Ec2Tags.specification(ResourceType.INSTANCE, tags("x-bastion", role))))
                .instances().get(0).instanceId();
        advance(ModeledDurations.INSTANCE_BOOT);
        ec2.createImage(r -> r.instanceId(instance).name(name("x-golden-" + region)).noReboot(true)
                .tagSpecifications(Ec2Tags.specification(ResourceType.IMAGE, tags("x-image", role)),
                        Ec2Tags.specification(ResourceType.SNAPSHOT, tags("x-image", role))));

        String vault = name("x-vault");
        var backup = cloud.backup(region);
        backup.createBackupVault(r -> r.backupVaultName(vault).backupVaultTags(tags("x-vault", role)));
        String plan = backup.createBackupPlan(r -> r.backupPlan(p -> p.backupPlanName(name("x-plan"))
                        .rules(rule -> rule.ruleName("daily").targetBackupVaultName(vault)
                                .scheduleExpression("cron(0 5 * * ? *)")))
                .backupPlanTags(tags("x-plan", role))).backupPlanId();
        backup.createBackupSelection(r -> r.backupPlanId(plan).backupSelection(s -> s.selectionName(name("x-sel"))
                .iamRoleArn(backupRole())
                .listOfTags(c -> c.conditionType("STRINGEQUALS").conditionKey(Tags.STACK).conditionValue(stack))));
        // AWS Backup puts the job's recovery point tags on the AMI of an EC2 backup.
        backup.startBackupJob(r -> r.backupVaultName(vault).iamRoleArn(backupRole())
                .resourceArn("arn:aws:ec2:" + region + ":" + World.ACCOUNT_ID + ":instance/" + instance)
                .recoveryPointTags(tags("x-recovery-point", role)));
        advance(ModeledDurations.BACKUP_JOB);
        return new Alb(alb.loadBalancerArn(), alb.dnsName(), alb.canonicalHostedZoneId(), targetGroup, instance,
                vault);
    }

    private void copyRecoveryPoint(Alb from, Alb to) {
        var backup = cloud.backup(primary);
        String point = backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(from.vaultName()))
                .recoveryPoints().get(0).recoveryPointArn();
        String destination = cloud.backup(dr).describeBackupVault(r -> r.backupVaultName(to.vaultName()))
                .backupVaultArn();
        backup.startCopyJob(r -> r.recoveryPointArn(point).sourceBackupVaultName(from.vaultName())
                .destinationBackupVaultArn(destination).iamRoleArn(backupRole()));
        advance(ModeledDurations.BACKUP_COPY_JOB);
    }

    private List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag> elbTags(String role,
                                                                                          RegionRole regionRole) {
        return tags(role, regionRole).entrySet().stream()
                .map(e -> software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag.builder()
                        .key(e.getKey()).value(e.getValue()).build()).toList();
    }

    /** As dr's compute does: every dr tag but Name and dr:role propagates to the instances. */
    private List<Tag> asgTags(RegionRole regionRole) {
        return tags("x-asg", regionRole).entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue())
                        .propagateAtLaunch(!e.getKey().equals(Tags.NAME) && !e.getKey().equals(Tags.ROLE)).build())
                .toList();
    }

    /** A DNS-validated, issued certificate; its validation CNAME published in the public zone. */
    private String certificate(String region, RegionRole role, String certRole, String domainName,
                               String... alternatives) {
        AcmClient acm = cloud.acm(region);
        String arn = acm.requestCertificate(r -> r.domainName(domainName).validationMethod("DNS")
                .subjectAlternativeNames(alternatives)
                .tags(tags(certRole, role).entrySet().stream()
                        .map(e -> software.amazon.awssdk.services.acm.model.Tag.builder().key(e.getKey())
                                .value(e.getValue()).build()).toList())).certificateArn();
        for (DomainValidation v : acm.describeCertificate(r -> r.certificateArn(arn)).certificate()
                .domainValidationOptions()) {
            change(ChangeAction.UPSERT, ResourceRecordSet.builder().name(v.resourceRecord().name()).type(RRType.CNAME)
                    .ttl(300L).resourceRecords(rr -> rr.value(v.resourceRecord().value())).build());
        }
        for (int i = 0; i < 30; i++) {
            if (acm.describeCertificate(r -> r.certificateArn(arn)).certificate().statusAsString().equals("ISSUED")) {
                return arn;
            }
            advance(Duration.ofMinutes(1));
        }
        throw new AssertionError("certificate " + arn + " was not issued");
    }

    private String publicZone() {
        return HostedZones.publicZone(cloud.route53(), DOMAIN).orElseThrow().id();
    }

    private void change(ChangeAction action, ResourceRecordSet record) {
        String zone = publicZone();
        cloud.route53().changeResourceRecordSets(r -> r.hostedZoneId(zone)
                .changeBatch(b -> b.changes(c -> c.action(action).resourceRecordSet(record))));
    }

    private String healthCheck(Alb alb) {
        Route53Client route53 = cloud.route53();
        String id = route53.createHealthCheck(r -> r.callerReference("dr/" + stack + "/global/x-health-check/1")
                .healthCheckConfig(c -> c.type("HTTP").fullyQualifiedDomainName(alb.dnsName()).port(80)
                        .resourcePath("/health").requestInterval(10).failureThreshold(2)))
                .healthCheck().id();
        route53.changeTagsForResource(r -> r.resourceType(TagResourceType.HEALTHCHECK).resourceId(id)
                .addTags(Tags.forGlobal(stack, "x-health-check").entrySet().stream()
                        .map(e -> software.amazon.awssdk.services.route53.model.Tag.builder().key(e.getKey())
                                .value(e.getValue()).build()).toList()));
        return id;
    }

    private void failoverRecords(Alb primaryAlb, Alb drAlb, String healthCheck) {
        change(ChangeAction.CREATE, ResourceRecordSet.builder().name("api." + domain).type(RRType.A)
                .setIdentifier(stack + "-primary").failover("PRIMARY").healthCheckId(healthCheck)
                .aliasTarget(a -> a.dnsName(primaryAlb.dnsName()).hostedZoneId(primaryAlb.zoneId())
                        .evaluateTargetHealth(true)).build());
        change(ChangeAction.CREATE, ResourceRecordSet.builder().name("api." + domain).type(RRType.A)
                .setIdentifier(stack + "-dr").failover("SECONDARY")
                .aliasTarget(a -> a.dnsName(drAlb.dnsName()).hostedZoneId(drAlb.zoneId())
                        .evaluateTargetHealth(true)).build());
    }

    /** Returns {@code "<id> <arn>"}. */
    private String webAcl() {
        var summary = cloud.wafv2(Regions.GLOBAL_EDGE).createWebACL(WebAclFixture.drWebAcl(name("x-waf"),
                        Scope.CLOUDFRONT.toString(), 2000)
                .tags(Tags.forGlobal(stack, "x-waf").entrySet().stream()
                        .map(e -> software.amazon.awssdk.services.wafv2.model.Tag.builder().key(e.getKey())
                                .value(e.getValue()).build()).toList()).build()).summary();
        return summary.id() + " " + summary.arn();
    }

    private String distribution(Alb primaryAlb, Alb drAlb, String certificate, String webAcl) {
        DistributionConfig config = DistributionConfig.builder()
                .callerReference("dr/" + stack + "/distribution")
                .comment("dr:" + stack)
                .enabled(true)
                .priceClass("PriceClass_100")
                .origins(o -> o.quantity(2).items(origin("primary-web", primaryAlb.dnsName()),
                        origin("dr-web", drAlb.dnsName())))
                .originGroups(g -> g.quantity(1).items(group -> group.id("web-failover")
                        .failoverCriteria(f -> f.statusCodes(s -> s.quantity(4).items(500, 502, 503, 504)))
                        .members(m -> m.quantity(2).items(i -> i.originId("primary-web"), i -> i.originId("dr-web")))))
                .defaultCacheBehavior(b -> b.targetOriginId("web-failover")
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods(a -> a.quantity(3).itemsWithStrings("GET", "HEAD", "OPTIONS")
                                .cachedMethods(c -> c.quantity(2).itemsWithStrings("GET", "HEAD")))
                        .cachePolicyId(ManagedPolicies.CACHING_DISABLED)
                        .originRequestPolicyId(ManagedPolicies.ALL_VIEWER)
                        .compress(true))
                .aliases(a -> a.quantity(1).items("app." + domain))
                .viewerCertificate(v -> v.acmCertificateArn(certificate).sslSupportMethod("sni-only")
                        .minimumProtocolVersion("TLSv1.2_2021"))
                .webACLId(webAcl.split(" ")[1])
                .build();
        var created = cloud.cloudFront().createDistributionWithTags(r -> r.distributionConfigWithTags(c -> c
                .distributionConfig(config)
                .tags(t -> t.items(Tags.forGlobal(stack, "x-distribution").entrySet().stream()
                        .map(e -> software.amazon.awssdk.services.cloudfront.model.Tag.builder().key(e.getKey())
                                .value(e.getValue()).build()).toList())))).distribution();
        change(ChangeAction.CREATE, ResourceRecordSet.builder().name("app." + domain).type(RRType.A)
                .aliasTarget(a -> a.dnsName(created.domainName()).hostedZoneId(CLOUDFRONT_ZONE)
                        .evaluateTargetHealth(false)).build());
        return created.id() + " " + created.domainName();
    }

    private static Origin origin(String id, String domainName) {
        return Origin.builder().id(id).domainName(domainName).connectionTimeout(2).connectionAttempts(1)
                .customOriginConfig(c -> c.httpPort(80).httpsPort(443).originProtocolPolicy("http-only")
                        .originSslProtocols(s -> s.quantity(1).itemsWithStrings("TLSv1.2")))
                .build();
    }
}
