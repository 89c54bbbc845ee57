package dr.regions.conformance;

import software.amazon.awssdk.services.acm.model.ValidationMethod;
import software.amazon.awssdk.services.cloudfront.model.CertificateSource;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.MinimumProtocolVersion;
import software.amazon.awssdk.services.cloudfront.model.SSLSupportMethod;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.wafv2.model.Scope;

import java.util.List;
import java.util.function.Consumer;

/**
 * Calls AWS refuses, with the error code its API reference documents: each scenario builds what it needs, then makes
 * the refused call last, and answers the error code it got ({@code no error} when it went through).
 */
final class Refusal {

    private Refusal() {
    }

    static Scenario of(String id, String code, String source, Consumer<Fixture> call) {
        return Scenario.of("refusal", id, code, source, f -> {
            call.accept(f);
            return "no error";
        });
    }

    static List<Scenario> all() {
        return List.of(
                of("EC2 DeleteVpc with a subnet in it", "DependencyViolation",
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpc.html", f -> {
                            String vpc = f.vpc();
                            f.subnet(vpc, "10.30.1.0/24", "a");
                            f.ec2().deleteVpc(r -> r.vpcId(vpc));
                        }),
                of("EC2 DeleteInternetGateway while attached", "DependencyViolation",
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteInternetGateway.html", f -> {
                            String vpc = f.vpc();
                            String igw = f.ec2().createInternetGateway(r -> { }).internetGateway().internetGatewayId();
                            f.ec2().attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
                            f.ec2().deleteInternetGateway(r -> r.internetGatewayId(igw));
                        }),
                of("EC2 DeleteSecurityGroup referenced by another group", "DependencyViolation",
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSecurityGroup.html", f -> {
                            String vpc = f.vpc();
                            String source = f.securityGroup(vpc, "source");
                            f.allow(f.securityGroup(vpc, "target"), source);
                            f.ec2().deleteSecurityGroup(r -> r.groupId(source));
                        }).gap("G4"),
                of("EC2 CreateSecurityGroup with a name the VPC already has", "InvalidGroup.Duplicate",
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html", f -> {
                            String vpc = f.vpc();
                            f.securityGroup(vpc, "twice");
                            f.securityGroup(vpc, "twice");
                        }),
                of("EC2 CreateLaunchTemplate with a name in use", "InvalidLaunchTemplateName.AlreadyExistsException",
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html", f -> {
                            for (int i = 0; i < 2; i++) {
                                f.ec2().createLaunchTemplate(r -> r.launchTemplateName("twice")
                                        .launchTemplateData(d -> d.instanceType("t3.micro")));
                            }
                        }),
                of("EC2 CreateVpc with a block larger than /16", "InvalidVpc.Range",
                        "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html", f ->
                                f.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/15"))),
                of("EC2 CreateSubnet outside the VPC's block", "InvalidSubnet.Range",
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html", f ->
                                f.subnet(f.vpc(), "10.99.1.0/24", "a")),
                of("EC2 CreateSubnet overlapping another subnet", "InvalidSubnet.Conflict",
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html", f -> {
                            String vpc = f.vpc();
                            f.subnet(vpc, "10.30.1.0/24", "a");
                            f.subnet(vpc, "10.30.1.128/25", "b");
                        }),
                of("EC2 AuthorizeSecurityGroupIngress with a rule the group has", "InvalidPermission.Duplicate",
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupIngress.html",
                        f -> {
                            String vpc = f.vpc();
                            String source = f.securityGroup(vpc, "source");
                            String target = f.securityGroup(vpc, "target");
                            f.allow(target, source);
                            f.allow(target, source);
                        }),
                of("EC2 CreateRoute to a destination the table routes", "RouteAlreadyExists",
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html", f -> {
                            String vpc = f.vpc();
                            String igw = f.ec2().createInternetGateway(r -> { }).internetGateway().internetGatewayId();
                            f.ec2().attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
                            String table = f.ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
                            for (int i = 0; i < 2; i++) {
                                f.ec2().createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0")
                                        .gatewayId(igw));
                            }
                        }),
                of("EC2 DetachInternetGateway that is not attached", "Gateway.NotAttached",
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html", f -> {
                            String vpc = f.vpc();
                            String igw = f.ec2().createInternetGateway(r -> { }).internetGateway().internetGatewayId();
                            f.ec2().detachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
                        }),
                of("RDS CreateDBSubnetGroup with subnets in one zone", "DBSubnetGroupDoesNotCoverEnoughAZs",
                        "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBSubnetGroup.html", f -> {
                            String vpc = f.vpc();
                            String a = f.subnet(vpc, "10.30.1.0/24", "a");
                            String b = f.subnet(vpc, "10.30.2.0/24", "a");
                            f.clients().rds(Fixture.REGION).createDBSubnetGroup(r -> r.dbSubnetGroupName("one-zone")
                                    .dbSubnetGroupDescription("one zone").subnetIds(a, b));
                        }).gap("G13"),
                // the same settings again are accepted (CreateListener is idempotent); other settings are refused
                of("ELB CreateListener on a port in use, with other settings", "DuplicateListener",
                        "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html",
                        f -> {
                            String vpc = f.vpc();
                            String balancer = f.loadBalancer(vpc, "lb");
                            for (String group : List.of(f.targetGroup(vpc, "one", 80), f.targetGroup(vpc, "two", 80))) {
                                f.clients().elb(Fixture.REGION).createListener(r -> r.loadBalancerArn(balancer)
                                        .protocol(ProtocolEnum.HTTP).port(80)
                                        .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(group)));
                            }
                        }).gap("G15"),
                of("Route 53 DeleteHealthCheck of an unknown id", "NoSuchHealthCheck",
                        "https://docs.aws.amazon.com/Route53/latest/APIReference/API_DeleteHealthCheck.html", f ->
                                f.clients().route53().deleteHealthCheck(r -> r
                                        .healthCheckId("0b6a8d5e-1b2c-4d3e-8f90-123456789abc"))).gap("G14"),
                of("ACM DescribeCertificate of an unknown ARN", "ResourceNotFoundException",
                        "https://docs.aws.amazon.com/acm/latest/APIReference/API_DescribeCertificate.html", f ->
                                f.clients().acm(Fixture.REGION).describeCertificate(r -> r.certificateArn(
                                        "arn:aws:acm:us-east-1:123456789012:certificate/"
                                                + "12345678-1234-1234-1234-123456789012"))),
                of("RDS CreateDBSubnetGroup with a name in use", "DBSubnetGroupAlreadyExists",
                        "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBSubnetGroup.html", f -> {
                            f.dbSubnetGroup("twice");
                            f.dbSubnetGroup("twice");
                        }).gap("G5"),
                of("RDS CreateDBInstance with an identifier in use", "DBInstanceAlreadyExists",
                        "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html", f -> {
                            String group = f.dbSubnetGroup("group");
                            f.dbInstance("twice", group, false);
                            f.dbInstance("twice", group, false);
                        }),
                // AWS: "RDS does not support creating a DB instance with the following combination: ..." (400);
                // https://github.com/hashicorp/terraform/issues/17013, elastic/beats#38473.
                of("RDS CreateDBInstance with a class RDS does not sell for the engine", "InvalidParameterCombination",
                        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Support.html",
                        f -> f.dbInstance("humongous", f.dbSubnetGroup("group"), false, "db.t3.humongous"))
                        .gap("G24"),
                of("RDS DeleteDBInstance with deletion protection on", "InvalidParameterCombination",
                        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection",
                        f -> {
                            f.dbInstance("protected", f.dbSubnetGroup("group"), true);
                            f.clients().rds(Fixture.REGION).deleteDBInstance(r -> r.dbInstanceIdentifier("protected")
                                    .skipFinalSnapshot(true));
                        }),
                of("RDS DeleteDBSubnetGroup in use by an instance", "InvalidDBSubnetGroupStateFault",
                        "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBSubnetGroup.html", f -> {
                            String group = f.dbSubnetGroup("group");
                            f.dbInstance("user", group, false);
                            f.clients().rds(Fixture.REGION).deleteDBSubnetGroup(r -> r.dbSubnetGroupName(group));
                        }).gap("G6"),
                of("ELB CreateTargetGroup with a name in use and other settings", "DuplicateTargetGroupName",
                        "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html",
                        f -> {
                            String vpc = f.vpc();
                            f.targetGroup(vpc, "twice", 80);
                            f.targetGroup(vpc, "twice", 8080);
                        }),
                of("ELB DeleteTargetGroup in use by a listener", "ResourceInUse",
                        "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DeleteTargetGroup.html",
                        f -> {
                            String vpc = f.vpc();
                            String group = f.targetGroup(vpc, "used", 80);
                            String balancer = f.loadBalancer(vpc, "lb");
                            f.clients().elb(Fixture.REGION).createListener(r -> r.loadBalancerArn(balancer)
                                    .protocol(ProtocolEnum.HTTP).port(80)
                                    .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(group)));
                            f.clients().elb(Fixture.REGION).deleteTargetGroup(r -> r.targetGroupArn(group));
                        }),
                of("Backup CreateBackupVault with a name in use", "AlreadyExistsException",
                        "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateBackupVault.html", f -> {
                            for (int i = 0; i < 2; i++) {
                                f.clients().backup(Fixture.REGION).createBackupVault(r -> r.backupVaultName("twice"));
                            }
                        }),
                of("Route 53 CreateHostedZone with a caller reference in use", "HostedZoneAlreadyExists",
                        "https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateHostedZone.html", f -> {
                            f.hostedZone("twice.example.org", "same-reference");
                            f.hostedZone("twice.example.org", "same-reference");
                        }).gap("G7"),
                of("Route 53 DeleteHostedZone with records in it", "HostedZoneNotEmpty",
                        "https://docs.aws.amazon.com/Route53/latest/APIReference/API_DeleteHostedZone.html", f -> {
                            String zone = f.hostedZone("full.example.org", "full");
                            createRecord(f, zone, "www.full.example.org", "192.0.2.1");
                            f.clients().route53().deleteHostedZone(r -> r.id(zone));
                        }),
                of("Route 53 ChangeResourceRecordSets CREATE of a record that exists", "InvalidChangeBatch",
                        "https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html",
                        f -> {
                            String zone = f.hostedZone("dup.example.org", "dup");
                            createRecord(f, zone, "www.dup.example.org", "192.0.2.1");
                            createRecord(f, zone, "www.dup.example.org", "192.0.2.2");
                        }).gap("G8"),
                of("Route 53 ChangeResourceRecordSets DELETE with values that do not match", "InvalidChangeBatch",
                        "https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html",
                        f -> {
                            String zone = f.hostedZone("stale.example.org", "stale");
                            createRecord(f, zone, "www.stale.example.org", "192.0.2.1");
                            f.clients().route53().changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b
                                    .changes(c -> c.action(ChangeAction.DELETE).resourceRecordSet(s -> s
                                            .name("www.stale.example.org").type(RRType.A).ttl(60L)
                                            .resourceRecords(v -> v.value("192.0.2.2"))))));
                        }).gap("G22"),
                of("WAFv2 CreateWebACL scope CLOUDFRONT outside us-east-1", "WAFInvalidParameterException",
                        "https://docs.aws.amazon.com/waf/latest/APIReference/API_CreateWebACL.html#WAF-CreateWebACL-request-Scope",
                        f -> webAcl(f, Fixture.OTHER_REGION, "edge", Scope.CLOUDFRONT)).gap("G9"),
                of("WAFv2 CreateWebACL with a name in use", "WAFDuplicateItemException",
                        "https://docs.aws.amazon.com/waf/latest/APIReference/API_CreateWebACL.html", f -> {
                            webAcl(f, Fixture.REGION, "twice", Scope.REGIONAL);
                            webAcl(f, Fixture.REGION, "twice", Scope.REGIONAL);
                        }).gap("G10"),
                of("CloudFront CreateDistribution with a certificate outside us-east-1", "InvalidViewerCertificate",
                        "https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html", f -> {
                            String certificate = f.clients().acm(Fixture.OTHER_REGION).requestCertificate(r -> r
                                    .domainName("app.example.com").validationMethod(ValidationMethod.DNS))
                                    .certificateArn();
                            distribution(f, certificate);
                        }).gap("G11"),
                of("CloudWatch GetMetricData with StartTime equal to EndTime", "ValidationError",
                        "prometheus-community/yet-another-cloudwatch-exporter#729 (AWS: 'The parameter StartTime must "
                                + "not equal parameter EndTime.')", f -> {
                            java.time.Instant at = java.time.Instant.parse("2026-01-01T00:10:00Z");
                            f.clients().cloudWatch(Fixture.REGION).getMetricData(r -> r.startTime(at).endTime(at)
                                    .metricDataQueries(replicaLag("lag")));
                        }),
                of("CloudWatch GetMetricData with a query that has neither MetricStat nor Expression",
                        "ValidationError", "moto/cloudwatch/responses.py get_metric_data ('AWS also returns the empty "
                                + "line'); https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/"
                                + "API_MetricDataQuery.html", f -> {
                            java.time.Instant end = java.time.Instant.parse("2026-01-01T00:10:00Z");
                            f.clients().cloudWatch(Fixture.REGION).getMetricData(r -> r.startTime(
                                    end.minusSeconds(600)).endTime(end).metricDataQueries(q -> q.id("lag")));
                        })
        );
    }

    private static void createRecord(Fixture f, String zone, String name, String address) {
        f.clients().route53().changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b.changes(c -> c
                .action(ChangeAction.CREATE).resourceRecordSet(s -> s.name(name).type(RRType.A).ttl(60L)
                        .resourceRecords(v -> v.value(address))))));
    }

    private static software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery replicaLag(String id) {
        return software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery.builder().id(id)
                .metricStat(s -> s.stat("Maximum").period(60).metric(m -> m.namespace("AWS/RDS")
                        .metricName("ReplicaLag").dimensions(d -> d.name("DBInstanceIdentifier").value("shop-dr"))))
                .build();
    }

    private static void webAcl(Fixture f, String region, String name, Scope scope) {
        f.clients().wafv2(region).createWebACL(r -> r.name(name).scope(scope)
                .defaultAction(a -> a.allow(x -> { }))
                .visibilityConfig(v -> v.sampledRequestsEnabled(true).cloudWatchMetricsEnabled(true).metricName(name)));
    }

    private static void distribution(Fixture f, String certificateArn) {
        DistributionConfig config = DistributionConfig.builder()
                .callerReference("conformance")
                .comment("conformance")
                .enabled(true)
                .aliases(a -> a.quantity(1).items("app.example.com"))
                .origins(o -> o.quantity(1).items(origin -> origin.id("web").domainName("web.example.com")
                        .customOriginConfig(c -> c.httpPort(80).httpsPort(443)
                                .originProtocolPolicy("https-only"))))
                .defaultCacheBehavior(b -> b.targetOriginId("web")
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicyId("4135ea2d-6df8-44a3-9df3-4b5a84be39ad"))
                .viewerCertificate(v -> v.acmCertificateArn(certificateArn)
                        .certificateSource(CertificateSource.ACM)
                        .sslSupportMethod(SSLSupportMethod.SNI_ONLY)
                        .minimumProtocolVersion(MinimumProtocolVersion.TLS_V1_2_2021))
                .build();
        f.clients().cloudFront().createDistribution(r -> r.distributionConfig(config));
    }
}
