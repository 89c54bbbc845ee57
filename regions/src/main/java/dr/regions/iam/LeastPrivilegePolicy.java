package dr.regions.iam;

import dr.regions.identity.IdentityRoles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The IAM policy for running dr commands, derived from what they call: per command, one statement per service with
 * exactly the IAM actions its recorded operations need ({@code ProvisionEc2}, {@code CleanupRoute53}...; one
 * {@code <Command>Actions} statement instead when that is what lets the policy fit one managed policy), then the
 * implied permissions AWS checks besides those calls ({@code ProvisionImpliedPassBackupServiceRole}...), each
 * narrowed where AWS allows it; when that is still too long, statements with the same Resource and Condition are
 * merged ({@link #compacted}). Calls no AWS API: it reads {@link OperationCatalog} and {@link PermissionRules}.
 */
public final class LeastPrivilegePolicy {
    /** Account ids in ARNs when none is given. */
    public static final String ANY_ACCOUNT = "*";

    private static final Map<String, String> SERVICE_SIDS = Map.ofEntries(
            Map.entry("ec2", "Ec2"), Map.entry("rds", "Rds"), Map.entry("backup", "Backup"),
            Map.entry("autoscaling", "AutoScaling"), Map.entry("elasticloadbalancing", "Elb"), Map.entry("acm", "Acm"),
            Map.entry("wafv2", "Wafv2"), Map.entry("route53", "Route53"), Map.entry("cloudfront", "CloudFront"),
            Map.entry("iam", "Iam"), Map.entry("cloudwatch", "CloudWatch"));

    private final OperationCatalog catalog;
    private final PermissionRules rules;

    public LeastPrivilegePolicy(OperationCatalog catalog, PermissionRules rules) {
        this.catalog = catalog;
        this.rules = rules;
    }

    /** From the lists shipped with dr. */
    public static LeastPrivilegePolicy load() {
        return new LeastPrivilegePolicy(OperationCatalog.load(), PermissionRules.load());
    }

    /** The commands whose calls have been recorded, and so can have a policy. */
    public Set<PolicyCommand> commands() {
        Set<PolicyCommand> recorded = EnumSet.noneOf(PolicyCommand.class);
        for (PolicyCommand command : PolicyCommand.values()) {
            if (catalog.recorded(command)) {
                recorded.add(command);
            }
        }
        return recorded;
    }

    /**
     * The policy for {@code commands} (each must be among {@link #commands()}), with ARNs in {@code account}
     * ({@link #ANY_ACCOUNT} when not known).
     */
    public PolicyDocument document(Collection<PolicyCommand> commands, String account) {
        UnaryOperator<String> placeholders = text -> text
                .replace("${backupRoleArn}", IdentityRoles.anyStackRoleArn(account, IdentityRoles.BACKUP_ROLE))
                .replace("${appRoleArn}", IdentityRoles.anyStackRoleArn(account, IdentityRoles.APP_ROLE))
                .replace("${account}", account);
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("a policy is for at least one command");
        }
        List<PolicyStatement> statements = new ArrayList<>();
        for (PolicyCommand command : EnumSet.copyOf(commands)) {
            SortedSet<ApiOperation> called = catalog.operations(command).orElseThrow(() ->
                    new IllegalArgumentException(command.cliName() + " has no recorded operations"));
            List<PolicyStatement> own = serviceStatements(command, called);
            Set<String> granted = new HashSet<>();
            own.forEach(s -> granted.addAll(s.actions()));
            List<PolicyStatement> implied = new ArrayList<>();
            for (ImpliedPermission permission : rules.implied()) {
                permission.statement(command, called, placeholders)
                        .filter(s -> !(s.unrestricted() && granted.containsAll(s.actions())))
                        .ifPresent(implied::add);
            }
            rules.serviceLinkedRoles().statement(command, called, account).ifPresent(implied::add);
            List<PolicyStatement> ofCommand = new ArrayList<>(fitted(command, own, implied));
            ofCommand.addAll(implied);
            statements.addAll(compacted(ofCommand));
        }
        return new PolicyDocument(statements);
    }

    /**
     * The command's statements as they are when they fit one managed policy; otherwise each group with the same
     * Resource and Condition is one statement with the union of their actions (the first one's Sid): Allow statements
     * add up, so the merged policy grants exactly the same, in fewer characters.
     */
    static List<PolicyStatement> compacted(List<PolicyStatement> statements) {
        if (new PolicyDocument(statements).fitsOneManagedPolicy()) {
            return statements;
        }
        Map<List<Object>, PolicyStatement> merged = new LinkedHashMap<>();
        for (PolicyStatement statement : statements) {
            merged.merge(List.of(statement.resources(), String.valueOf(statement.condition())), statement,
                    (first, next) -> {
                        SortedSet<String> actions = new TreeSet<>(first.actions());
                        actions.addAll(next.actions());
                        return new PolicyStatement(first.sid(), actions, first.resources(), first.condition());
                    });
        }
        return List.copyOf(merged.values());
    }

    /**
     * The service statements, one per service for readability; merged into one {@code <Command>Actions} statement
     * (the same actions on the same {@code *}: the same permissions) when the command's policy would otherwise not fit
     * one managed policy.
     */
    private static List<PolicyStatement> fitted(PolicyCommand command, List<PolicyStatement> own,
                                                List<PolicyStatement> implied) {
        List<PolicyStatement> all = new ArrayList<>(own);
        all.addAll(implied);
        if (own.size() < 2 || new PolicyDocument(all).fitsOneManagedPolicy()) {
            return own;
        }
        SortedSet<String> actions = new TreeSet<>();
        own.forEach(s -> actions.addAll(s.actions()));
        return List.of(new PolicyStatement(command.sidPrefix() + "Actions", actions,
                List.of(PolicyStatement.ANY_RESOURCE), null));
    }

    private List<PolicyStatement> serviceStatements(PolicyCommand command, SortedSet<ApiOperation> called) {
        Map<String, SortedSet<String>> byService = new TreeMap<>();
        for (ApiOperation operation : called) {
            byService.computeIfAbsent(operation.service(), s -> new TreeSet<>()).addAll(rules.actionsFor(operation));
        }
        List<PolicyStatement> statements = new ArrayList<>();
        byService.forEach((service, actions) -> statements.add(new PolicyStatement(
                command.sidPrefix() + serviceSid(service), actions, List.of(PolicyStatement.ANY_RESOURCE), null)));
        return statements;
    }

    static String serviceSid(String service) {
        String known = SERVICE_SIDS.get(service);
        if (known != null) {
            return known;
        }
        String letters = service.replaceAll("[^A-Za-z0-9]", "");
        return letters.substring(0, 1).toUpperCase(Locale.ROOT) + letters.substring(1);
    }
}
