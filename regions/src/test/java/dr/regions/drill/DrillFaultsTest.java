package dr.regions.drill;

import dr.core.model.ModeledDurations;
import dr.core.report.drill.DrillObservation;
import dr.core.report.drill.DrillObservation.Health;
import dr.core.report.drill.DrillObservation.Phase;
import dr.regions.dns.DnsNames;
import dr.regions.drill.IngressRules.Rule;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.cloudfront.SandboxEdgeProbe;
import dr.regions.security.SecurityRoles;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The drill's parts against a provisioned sandbox stack with a domain: faults, restores, probes, preflight. */
class DrillFaultsTest {
    private final InMemoryCloud cloud = DrillStacks.provisioned(DrillStacks.withDomain());
    private final DrillDiscovery.Discovered discovered = new DrillDiscovery(cloud).discover("dr", DrillStacks.PRIMARY,
            DrillStacks.DR);
    private final DrillTopology topology = discovered.topology();

    private Map<String, String> albGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put(SecurityRoles.ALB_WEB.role(), topology.albWebGroupId());
        groups.put(SecurityRoles.ALB_APP.role(), topology.albAppGroupId());
        return groups;
    }

    private List<IpPermission> ingress(String groupId) {
        return cloud.ec2(DrillStacks.PRIMARY).describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0)
                .ipPermissions();
    }

    private Set<Rule> rules(String groupId) {
        return IngressRules.rules(ingress(groupId));
    }

    private void advance(Duration duration) {
        cloud.world().clock().advance(duration);
    }

    private DrillObservation observe(Phase phase) {
        return new DrillObserver(cloud.route53(), AddressResolver.none(), new SandboxEdgeProbe(cloud.world()),
                cloud.world().clock()).observe(phase, topology);
    }

    @Test
    void discoveryFindsWhatTheDrillBreaksAndWatches() {
        assertThat(topology.albWebGroupId()).startsWith("sg-");
        assertThat(topology.albAppGroupId()).startsWith("sg-").isNotEqualTo(topology.albWebGroupId());
        assertThat(topology.apiName()).isEqualTo("api.example.com");
        assertThat(topology.distributionDomain()).as("the alias the origins' certificate matches")
                .isEqualTo("app.example.com");
        assertThat(topology.modeledDetection()).isEqualTo(Duration.ofSeconds(20));
        assertThat(topology.cloudFrontWorstCase()).isEqualTo(Duration.ofSeconds(3));
        assertThat(DrillTopology.fromMap(topology.toMap())).isEqualTo(topology);
    }

    @Nested
    class IngressFaultScenarios {
        private final IngressFault fault = new IngressFault(cloud);

        @Test
        void revokingTakesExactlyTheHttpAndHttpsRulesAndKeepsTheRest() {
            cloud.ec2(DrillStacks.PRIMARY).authorizeSecurityGroupIngress(r -> r.groupId(topology.albWebGroupId())
                    .ipPermissions(p -> p.ipProtocol("tcp").fromPort(22).toPort(22)
                            .ipRanges(i -> i.cidrIp("198.51.100.0/24"))));

            SavedIngress saved = fault.save(DrillStacks.PRIMARY, albGroups());
            int revoked = fault.revoke(saved);

            assertThat(saved.ruleCount()).as("80 and 443 from anywhere on both groups").isEqualTo(4);
            assertThat(revoked).isEqualTo(4);
            assertThat(ingress(topology.albWebGroupId())).noneMatch(IngressRules::admitsWeb);
            assertThat(ingress(topology.albAppGroupId())).isEmpty();
            assertThat(rules(topology.albWebGroupId())).as("the SSH rule is not the drill's business")
                    .containsExactly(new Rule("tcp", 22, 22, "cidr", "198.51.100.0/24"));
        }

        @Test
        void restorePutsBackExactlyTheSavedRulesWithTheirDescriptionsAndIsHarmlessTwice() {
            cloud.ec2(DrillStacks.PRIMARY).authorizeSecurityGroupIngress(r -> r.groupId(topology.albAppGroupId())
                    .ipPermissions(p -> p.ipProtocol("tcp").fromPort(80).toPort(80)
                            .ipRanges(i -> i.cidrIp("203.0.113.0/24").description("office"))));
            Set<Rule> webBefore = rules(topology.albWebGroupId());
            Set<Rule> appBefore = rules(topology.albAppGroupId());
            SavedIngress saved = fault.save(DrillStacks.PRIMARY, albGroups());
            fault.revoke(saved);

            IngressFault.Restored first = fault.restore(SavedIngress.fromMap(saved.toMap()));
            IngressFault.Restored second = fault.restore(saved);

            assertThat(first.authorized()).isEqualTo(5);
            assertThat(second.authorized()).isZero();
            assertThat(second.alreadyPresent()).isEqualTo(5);
            assertThat(rules(topology.albWebGroupId())).isEqualTo(webBefore);
            assertThat(rules(topology.albAppGroupId())).isEqualTo(appBefore);
            assertThat(ingress(topology.albAppGroupId()).stream().flatMap(p -> p.ipRanges().stream()))
                    .anySatisfy(range -> assertThat(range.description()).isEqualTo("office"));
        }

        @Test
        void restoreAfterAHalfDoneRevokeAuthorizesOnlyWhatIsMissing() {
            SavedIngress saved = fault.save(DrillStacks.PRIMARY, albGroups());
            SavedIngress webOnly = new SavedIngress(saved.region(), List.of(saved.groups().get(0)));
            fault.revoke(webOnly);

            IngressFault.Restored restored = fault.restore(saved);

            assertThat(restored.authorized()).isEqualTo(2);
            assertThat(restored.alreadyPresent()).isEqualTo(2);
            assertThat(fault.missing(saved)).isEmpty();
        }

        @Test
        void revokingTwiceRevokesNothingTheSecondTime() {
            SavedIngress saved = fault.save(DrillStacks.PRIMARY, albGroups());
            fault.revoke(saved);

            assertThat(fault.revoke(saved)).isZero();
            assertThat(fault.missing(saved)).hasSize(4);
        }

        @Test
        void withTheIngressRevokedDnsFlipsAfterIntervalTimesThresholdAndCloudFrontServesFromDrAtOnce() {
            DrillObservation before = observe(Phase.FAILOVER);
            assertThat(before.healthCheck()).isEqualTo(Health.HEALTHY);
            assertThat(before.dnsRegion()).isEqualTo(DrillStacks.PRIMARY);
            assertThat(before.edgeRegion()).isEqualTo(DrillStacks.PRIMARY);

            SavedIngress saved = fault.save(DrillStacks.PRIMARY, albGroups());
            fault.revoke(saved);
            DrillObservation atOnce = observe(Phase.FAILOVER);
            advance(topology.modeledDetection());
            DrillObservation afterDetection = observe(Phase.FAILOVER);

            assertThat(atOnce.dnsRegion()).as("Route 53 has not seen enough failures yet").isEqualTo(DrillStacks.PRIMARY);
            assertThat(atOnce.edgeRegion()).as("CloudFront tries the DR origin on the same request")
                    .isEqualTo(DrillStacks.DR);
            assertThat(atOnce.edgeElapsed()).isEqualTo(topology.cloudFrontWorstCase());
            assertThat(afterDetection.healthCheck()).isEqualTo(Health.UNHEALTHY);
            assertThat(afterDetection.dnsRegion()).isEqualTo(DrillStacks.DR);

            fault.restore(saved);
            DrillObservation restoredAtOnce = observe(Phase.FAILBACK);
            advance(topology.modeledDetection());
            DrillObservation failedBack = observe(Phase.FAILBACK);

            assertThat(restoredAtOnce.edgeRegion()).isEqualTo(DrillStacks.PRIMARY);
            assertThat(failedBack.healthCheck()).isEqualTo(Health.HEALTHY);
            assertThat(failedBack.dnsRegion()).isEqualTo(DrillStacks.PRIMARY);
        }
    }

    @Nested
    class NetworkFaultScenarios {
        private final NetworkFault fault = new NetworkFault(cloud);

        @Test
        void aDenyAllAclOnTheLoadBalancersSubnetsCutsBothTiersAndRestoreUndoesItExactly() {
            List<String> subnets = fault.subnetsOf(DrillStacks.PRIMARY, List.of(topology.primaryWebAlb(),
                    topology.primaryAppAlb()));
            SavedNetwork saved = fault.save(DrillStacks.PRIMARY, subnets);
            int acls = cloud.ec2(DrillStacks.PRIMARY).describeNetworkAcls(r -> { }).networkAcls().size();

            assertThat(subnets).as("the public subnets of both load balancers").hasSize(2);
            assertThat(fault.cut(saved, "dr")).isEqualTo(2);
            assertThat(fault.cut(saved, "dr")).as("idempotent").isZero();
            assertThat(new DrillPreflight(cloud).problems(discovered, NetworkFault.KIND))
                    .anySatisfy(p -> assertThat(p).contains("deny-all network ACL", "dr failover restore"));
            advance(topology.modeledDetection());
            DrillObservation cut = observe(Phase.FAILOVER);

            assertThat(cut.healthCheck()).isEqualTo(Health.UNHEALTHY);
            assertThat(cut.dnsRegion()).isEqualTo(DrillStacks.DR);
            assertThat(cut.edgeRegion()).isEqualTo(DrillStacks.DR);

            NetworkFault.Restored restored = fault.restore(saved, "dr");
            assertThat(restored.moved()).isEqualTo(2);
            assertThat(restored.deleted()).isEqualTo(1);
            assertThat(fault.missing(saved)).isEmpty();
            assertThat(fault.restore(saved, "dr").describe()).contains("already on its own network ACL");
            assertThat(cloud.ec2(DrillStacks.PRIMARY).describeNetworkAcls(r -> { }).networkAcls()).hasSize(acls);
            advance(topology.modeledDetection());
            assertThat(new DrillPreflight(cloud).problems(discovered, NetworkFault.KIND)).isEmpty();
        }
    }

    @Nested
    class HealthCheckFaultScenarios {
        private final HealthCheckFault fault = new HealthCheckFault(cloud.route53());

        @Test
        void anInvertedHealthCheckFailsDnsOverButNotCloudFrontAndRestoreUndoesItOnce() {
            HealthCheckFault.Saved saved = fault.save(topology.healthCheckId());
            fault.invert(saved);
            advance(topology.modeledDetection());
            DrillObservation inverted = observe(Phase.FAILOVER);

            assertThat(saved.inverted()).isFalse();
            assertThat(inverted.healthCheck()).as("Route 53's verdict: Inverted applied on top of the checkers")
                    .isEqualTo(Health.UNHEALTHY);
            assertThat(cloud.route53().getHealthCheckStatus(r -> r.healthCheckId(topology.healthCheckId()))
                    .healthCheckObservations()).as("while every checker still reports the endpoint up")
                    .allSatisfy(o -> assertThat(o.statusReport().status()).startsWith("Success"));
            assertThat(new HealthCheckProbe(cloud.route53()).status(topology.healthCheckId()).report())
                    .contains("checkers report Success", "Inverted: Route 53 counts it unhealthy");
            assertThat(inverted.dnsRegion()).isEqualTo(DrillStacks.DR);
            assertThat(inverted.edgeRegion()).isEqualTo(DrillStacks.PRIMARY);

            assertThat(fault.restore(saved)).isTrue();
            assertThat(fault.restore(saved)).as("already in place").isFalse();
            assertThat(fault.save(topology.healthCheckId()).inverted()).isFalse();
        }
    }

    @Nested
    class Preflight {
        private final DrillPreflight preflight = new DrillPreflight(cloud);

        @Test
        void aFreshStackIsReady() {
            assertThat(preflight.problems(discovered, IngressFault.KIND)).isEmpty();
        }

        @Test
        void aMissingReplicaIsNamed() {
            cloud.rds(DrillStacks.DR).deleteDBInstance(r -> r.dbInstanceIdentifier("dr-db-replica")
                    .skipFinalSnapshot(true));
            advance(ModeledDurations.RDS_DELETE);

            List<String> problems = preflight.problems(new DrillDiscovery(cloud).discover("dr", DrillStacks.PRIMARY,
                    DrillStacks.DR), IngressFault.KIND);

            assertThat(problems).singleElement().asString().contains("no read replica in us-west-2");
        }

        @Test
        void aPrimaryLeftClosedByAnEarlierDrillIsNamed() {
            new IngressFault(cloud).revoke(new IngressFault(cloud).save(DrillStacks.PRIMARY, albGroups()));
            advance(topology.modeledDetection());

            List<String> problems = preflight.problems(discovered, IngressFault.KIND);

            assertThat(problems).anySatisfy(p -> assertThat(p).contains("health check", "unhealthy"));
            assertThat(problems).anySatisfy(p -> assertThat(p).contains(topology.albAppGroupId(), "admits no HTTP"));
        }
    }

    @Test
    void aDnsAnswerOfAddressesIsMatchedToTheLoadBalancerThatResolvesToThem() {
        AddressResolver resolver = host -> host.equals(DnsNames.bare(topology.drAppAlb()))
                ? Set.of("192.0.2.10", "192.0.2.11") : Set.of("198.51.100.7");
        DnsProbe probe = new DnsProbe(cloud.route53(), resolver);

        assertThat(probe.region(List.of("192.0.2.11"), topology)).isEqualTo(DrillStacks.DR);
        assertThat(probe.region(List.of("198.51.100.7"), topology)).isEqualTo(DrillStacks.PRIMARY);
        assertThat(probe.region(List.of("203.0.113.1"), topology)).isEqualTo(DnsProbe.UNKNOWN);
        assertThat(probe.region(List.of("dualstack." + topology.drAppAlb().toUpperCase() + "."), topology))
                .isEqualTo(DrillStacks.DR);
    }
}
