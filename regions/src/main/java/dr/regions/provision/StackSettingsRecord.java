package dr.regions.provision;

import dr.core.config.RecordedSettings;
import dr.core.config.StackConfig;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.network.Ec2Tags;
import dr.regions.network.NetworkRoles;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.util.List;
import java.util.Optional;

/**
 * Where a stack keeps the settings it was built with: tags ({@link RecordedSettings}) on its VPC, in both regions,
 * written by {@link SettingsRecordStep}. The VPC is the first resource of each region and the last one cleanup
 * deletes there, and each region holds the whole record, so one DescribeVpcs in either region reads it: the DR
 * region's alone when the primary does not answer.
 *
 * @param settings the recorded settings
 * @param where    e.g. {@code the settings recorded on vpc-0123 in us-east-1}
 */
public record StackSettingsRecord(StackConfig settings, String where) {

    /** The record in {@code region}: one DescribeVpcs; empty when there is no VPC or it records no settings. */
    public static Optional<StackSettingsRecord> read(AwsClients clients, String stack, String region) {
        List<Vpc> vpcs = clients.ec2(region).describeVpcs(r -> r.filters(Ec2Tags.byRole(stack, NetworkRoles.VPC)))
                .vpcs();
        return vpcs.stream().findFirst().flatMap(vpc -> {
            String where = "the settings recorded on " + vpc.vpcId() + " in " + region;
            return RecordedSettings.fromTags(Ec2Tags.toMap(vpc.tags()), where)
                    .map(settings -> new StackSettingsRecord(settings, where));
        });
    }

    /** The record in the primary region, else in the DR region (a stack whose primary VPC is gone). */
    public static Optional<StackSettingsRecord> read(AwsClients clients, StackSpec spec) {
        return read(clients, spec.stack(), spec.primaryRegion())
                .or(() -> read(clients, spec.stack(), spec.drRegion()));
    }
}
