package dr.regions.discovery;

import dr.core.DrException;
import dr.core.model.RegionRole;
import dr.core.model.Tags;
import dr.regions.aws.AwsClients;
import dr.regions.network.Ec2Tags;
import dr.regions.aws.AwsServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a stack lives when neither the options nor the config say: first EC2 DescribeRegions, for the regions the
 * account has enabled ({@link EnabledRegions}); then one DescribeVpcs with the {@code dr:stack} tag filter in each
 * enabled candidate region; a region with a stack VPC is the stack's, and the VPC's {@code dr:region-role} tag says
 * which side it plays. A candidate the account has not enabled is {@code notEnabled}, also when it only says so by
 * refusing the request (AuthFailure, OptInRequired): nothing of the account can be there. A region that cannot be read
 * (no answer, or another AWS error) is named in {@code unreachable} with the reason, and the others are still scanned.
 */
public final class RegionDiscovery {
    private final AwsClients clients;
    private final StackTag stack;

    public RegionDiscovery(AwsClients clients, String stack) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.stack = new StackTag(Objects.requireNonNull(stack, "stack"));
    }

    /** What the scan of {@code candidates} found. */
    public record StackLocation(String stack, Optional<String> primary, Optional<String> dr, List<String> regions,
                                Map<String, String> unreachable, List<String> notEnabled) {
        public StackLocation {
            regions = List.copyOf(regions);
            unreachable = Map.copyOf(unreachable);
            notEnabled = List.copyOf(notEnabled);
        }

        public StackLocation(String stack, Optional<String> primary, Optional<String> dr, List<String> regions,
                             Map<String, String> unreachable) {
            this(stack, primary, dr, regions, unreachable, List.of());
        }

        public boolean found() {
            return !regions.isEmpty();
        }

        /** Both regions, or the reason they are not known ({@link #bothRegionsOrThrow}). */
        public boolean bothRegions() {
            return primary.isPresent() && dr.isPresent();
        }

        /**
         * @throws DrException unless both regions were found: exit 1 naming each region that could not be read and
         *                     why (an AWS error is never bad input), else exit 2 (no such stack)
         */
        public StackLocation bothRegionsOrThrow() {
            if (bothRegions()) {
                return this;
            }
            if (!unreachable.isEmpty()) {
                throw DrException.failed("cannot find both regions of stack '" + stack + "' from its tags: "
                        + unread() + "; pass --primary and --dr");
            }
            throw DrException.badInput("cannot find both regions of stack '" + stack + "' from its tags; pass "
                    + "--primary and --dr");
        }

        /** @throws DrException (exit 1) when a region could not be read: then where the stack is is not known */
        public List<String> everyRegionOrThrow() {
            if (!unreachable.isEmpty()) {
                throw DrException.failed("cannot look for stack '" + stack + "' in every region: " + unread()
                        + "; pass --primary and --dr");
            }
            return regions;
        }

        /** The regions that could not be read, each with why, e.g. {@code us-east-2: Ec2 DescribeVpcs: HTTP 403...}. */
        private String unread() {
            StringBuilder text = new StringBuilder();
            new java.util.TreeMap<>(unreachable).forEach((region, why) -> text.append(text.length() == 0 ? "" : "; ")
                    .append(region).append(": ").append(why));
            return text.toString();
        }
    }

    public StackLocation locate(List<String> candidates) {
        List<String> regions = new ArrayList<>();
        Map<String, String> unreachable = new LinkedHashMap<>();
        List<String> notEnabled = new ArrayList<>();
        Optional<Set<String>> enabled = new EnabledRegions(clients).ask();
        String primary = null;
        String dr = null;
        for (String region : candidates) {
            if (enabled.isPresent() && !enabled.get().contains(region)) {
                notEnabled.add(region);
                continue;
            }
            List<Vpc> vpcs;
            try {
                vpcs = new ArrayList<>();
                clients.ec2(region).describeVpcsPaginator(r -> r.filters(Ec2Tags.tag(Tags.STACK, stack.stack())))
                        .vpcs().forEach(vpcs::add);
            } catch (SdkClientException e) {
                unreachable.put(region, AwsServiceErrors.describe(e));
                continue;
            } catch (AwsServiceException e) {
                if (e.isThrottlingException()) {
                    throw e;
                }
                if (EnabledRegions.refusesAsNotEnabled(e)) {
                    notEnabled.add(region);
                    continue;
                }
                unreachable.put(region, AwsServiceErrors.describe(e));
                continue;
            }
            for (Vpc vpc : vpcs) {
                Map<String, String> tags = Ec2Tags.toMap(vpc.tags());
                if (!stack.marks(tags)) {
                    continue;
                }
                if (!regions.contains(region)) {
                    regions.add(region);
                }
                String role = tags.get(Tags.REGION_ROLE);
                if (RegionRole.PRIMARY.tagValue().equals(role) && primary == null) {
                    primary = region;
                } else if (RegionRole.DR.tagValue().equals(role) && dr == null) {
                    dr = region;
                }
            }
        }
        return new StackLocation(stack.stack(), Optional.ofNullable(primary), Optional.ofNullable(dr), regions,
                unreachable, notEnabled);
    }
}
