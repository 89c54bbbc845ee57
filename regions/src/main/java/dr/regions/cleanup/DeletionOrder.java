package dr.regions.cleanup;

import dr.regions.discovery.Attributes;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import static dr.regions.discovery.ResourceKind.AUTO_SCALING_GROUP;
import static dr.regions.discovery.ResourceKind.BACKUP_PLAN;
import static dr.regions.discovery.ResourceKind.BACKUP_SELECTION;
import static dr.regions.discovery.ResourceKind.DB_INSTANCE;
import static dr.regions.discovery.ResourceKind.DB_SUBNET_GROUP;
import static dr.regions.discovery.ResourceKind.DISTRIBUTION;
import static dr.regions.discovery.ResourceKind.BACKUP_VAULT;
import static dr.regions.discovery.ResourceKind.ELASTIC_IP;
import static dr.regions.discovery.ResourceKind.HOSTED_ZONE;
import static dr.regions.discovery.ResourceKind.IMAGE;
import static dr.regions.discovery.ResourceKind.INSTANCE_PROFILE;
import static dr.regions.discovery.ResourceKind.INSTANCE;
import static dr.regions.discovery.ResourceKind.INTERNET_GATEWAY;
import static dr.regions.discovery.ResourceKind.LAUNCH_TEMPLATE;
import static dr.regions.discovery.ResourceKind.LISTENER;
import static dr.regions.discovery.ResourceKind.LISTENER_RULE;
import static dr.regions.discovery.ResourceKind.LOAD_BALANCER;
import static dr.regions.discovery.ResourceKind.NAT_GATEWAY;
import static dr.regions.discovery.ResourceKind.RECORD_SET;
import static dr.regions.discovery.ResourceKind.RECOVERY_POINT;
import static dr.regions.discovery.ResourceKind.ROUTE_TABLE;
import static dr.regions.discovery.ResourceKind.SECURITY_GROUP;
import static dr.regions.discovery.ResourceKind.SUBNET;
import static dr.regions.discovery.ResourceKind.TARGET_GROUP;

/**
 * The order AWS accepts deletions in, as "this goes after those": listeners and rules before their load balancer,
 * every user of a target group before it; Auto Scaling groups before their launch templates and members;
 * distributions before the web ACL and the certificates; records before health checks and zones; read replicas
 * before the databases they replicate, databases before their subnet groups; selections before plans, plans and
 * recovery points before vaults, images before snapshots; NAT gateways before their Elastic IPs and the internet
 * gateway; everything that sits in a subnet or a security group before those; the VPC last; the IAM instance profile
 * after every launch template, group and instance that names it, the IAM roles after the instance profile and after all
 * of AWS Backup (which assumes the backup role) and compute. Only resources that
 * get a step of their own count ({@code planned}).
 */
final class DeletionOrder {
    private final Inventory inventory;
    private final Predicate<StackResource> planned;

    DeletionOrder(Inventory inventory, Predicate<StackResource> planned) {
        this.inventory = inventory;
        this.planned = planned;
    }

    List<StackResource> predecessors(StackResource r) {
        String region = r.region();
        List<StackResource> before = switch (r.kind()) {
            case LISTENER -> matching(LISTENER_RULE, x -> r.id().equals(x.attribute(Attributes.LISTENER)));
            case LOAD_BALANCER -> matching(x -> (x.kind() == LISTENER || x.kind() == LISTENER_RULE)
                    && r.id().equals(x.attribute(Attributes.LOAD_BALANCER)));
            case TARGET_GROUP -> in(region, LISTENER, LISTENER_RULE, LOAD_BALANCER, AUTO_SCALING_GROUP);
            case LAUNCH_TEMPLATE -> in(region, AUTO_SCALING_GROUP);
            case INSTANCE -> matching(AUTO_SCALING_GROUP, x -> x.region().equals(region)
                    && x.id().equals(r.attribute(Attributes.AUTO_SCALING_GROUP)));
            case IMAGE -> in(region, AUTO_SCALING_GROUP, LAUNCH_TEMPLATE, INSTANCE);
            case SNAPSHOT -> in(region, IMAGE, RECOVERY_POINT);
            case CERTIFICATE -> concat(in(region, LISTENER, LISTENER_RULE, LOAD_BALANCER), everywhere(DISTRIBUTION));
            case WEB_ACL -> everywhere(DISTRIBUTION);
            case INSTANCE_PROFILE -> everywhere(LAUNCH_TEMPLATE, AUTO_SCALING_GROUP, INSTANCE);
            case IAM_ROLE -> everywhere(INSTANCE_PROFILE, LAUNCH_TEMPLATE, AUTO_SCALING_GROUP, INSTANCE,
                    BACKUP_SELECTION, BACKUP_PLAN, RECOVERY_POINT, BACKUP_VAULT);
            case HEALTH_CHECK -> everywhere(RECORD_SET);
            case HOSTED_ZONE -> matching(RECORD_SET, x -> r.id().equals(x.attribute(Attributes.ZONE_ID)));
            case DB_INSTANCE -> r.attribute(Attributes.REPLICA_OF) != null ? List.of()
                    : matching(DB_INSTANCE, x -> x.attribute(Attributes.REPLICA_OF) != null);
            case DB_SUBNET_GROUP -> in(region, DB_INSTANCE);
            case BACKUP_PLAN -> matching(BACKUP_SELECTION, x -> x.region().equals(region)
                    && r.id().equals(x.attribute(Attributes.PLAN_ID)));
            case RECOVERY_POINT -> everywhere(BACKUP_PLAN, BACKUP_SELECTION);
            case BACKUP_VAULT -> concat(matching(RECOVERY_POINT, x -> x.region().equals(region)
                    && r.id().equals(x.attribute(Attributes.VAULT))), everywhere(BACKUP_PLAN));
            case ELASTIC_IP -> in(region, NAT_GATEWAY);
            case INTERNET_GATEWAY -> in(region, NAT_GATEWAY, ELASTIC_IP, INSTANCE, LOAD_BALANCER);
            case SUBNET -> in(region, NAT_GATEWAY, INSTANCE, LOAD_BALANCER, AUTO_SCALING_GROUP, DB_INSTANCE,
                    DB_SUBNET_GROUP);
            case SECURITY_GROUP -> in(region, INSTANCE, LOAD_BALANCER, DB_INSTANCE, AUTO_SCALING_GROUP,
                    LAUNCH_TEMPLATE);
            case VPC -> concat(in(region, SUBNET, ROUTE_TABLE, INTERNET_GATEWAY, SECURITY_GROUP, NAT_GATEWAY,
                    TARGET_GROUP, LOAD_BALANCER, DB_SUBNET_GROUP), privateZones());
            default -> List.of();
        };
        return before.stream().filter(planned).filter(x -> x != r).distinct().toList();
    }

    private List<StackResource> privateZones() {
        return matching(HOSTED_ZONE, x -> x.flag(Attributes.PRIVATE));
    }

    private List<StackResource> in(String region, ResourceKind... kinds) {
        List<ResourceKind> wanted = Arrays.asList(kinds);
        return matching(x -> x.region().equals(region) && wanted.contains(x.kind()));
    }

    private List<StackResource> everywhere(ResourceKind... kinds) {
        List<ResourceKind> wanted = Arrays.asList(kinds);
        return matching(x -> wanted.contains(x.kind()));
    }

    private List<StackResource> matching(ResourceKind kind, Predicate<StackResource> filter) {
        return matching(x -> x.kind() == kind && filter.test(x));
    }

    private List<StackResource> matching(Predicate<StackResource> filter) {
        return inventory.resources().stream().filter(Objects::nonNull).filter(filter).toList();
    }

    private static List<StackResource> concat(List<StackResource> a, List<StackResource> b) {
        List<StackResource> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
