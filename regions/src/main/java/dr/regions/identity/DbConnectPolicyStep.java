package dr.regions.identity;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.database.DatabaseRoles;
import dr.regions.step.EnsureStep;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app role's inline policy {@value IdentityRoles#DB_CONNECT_POLICY}: {@code rds-db:connect} as the database user
 * {@value IdentityRoles#DB_USER} on the stack's two databases, the primary and the DR replica. IAM database
 * authentication names a database by its resource id ({@code arn:aws:rds-db:<region>:<account>:dbuser:<DbiResourceId>/
 * <user>}, RDS User Guide, "Creating and using an IAM policy for IAM database access"); the replica has its own and
 * keeps it when promoted, so the policy stays right after a failover. The account and partition come from the DB
 * instances' ARNs: no extra call. Put back whenever it differs; a separate step so that compute does not wait for the
 * databases.
 */
public final class DbConnectPolicyStep extends EnsureStep {
    private final StackSpec spec;
    private final AwsClients clients;
    private boolean current;

    public DbConnectPolicyStep(StackSpec spec, AwsClients clients) {
        super(IdentityRoles.DB_CONNECT_KEY, List.of(IdentityRoles.APP_ROLE_KEY, primaryDb(spec), replicaDb(spec)),
                "AWS::IAM::RolePolicy", ModeledDurations.IMMEDIATE);
        this.spec = spec;
        this.clients = clients;
    }

    static StepKey primaryDb(StackSpec spec) {
        return StepKey.of(spec.region(RegionRole.PRIMARY), DatabaseRoles.PRIMARY);
    }

    static StepKey replicaDb(StackSpec spec) {
        return StepKey.of(spec.region(RegionRole.DR), DatabaseRoles.REPLICA);
    }

    @Override
    protected Optional<String> find(StepContext context) {
        try {
            String document = iam().getRolePolicy(r -> r.roleName(role(context))
                    .policyName(IdentityRoles.DB_CONNECT_POLICY)).policyDocument();
            current = PolicyJson.same(document, wanted(context));
            return Optional.of(IdentityRoles.DB_CONNECT_POLICY);
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }

    @Override
    protected String create(StepContext context) {
        put(context);
        current = true;
        return IdentityRoles.DB_CONNECT_POLICY;
    }

    /** A policy found with other resources (a database re-created, say) is rewritten. */
    @Override
    protected boolean converge(StepContext context, String id) {
        if (current) {
            return false;
        }
        put(context);
        current = true;
        return true;
    }

    @Override
    protected Map<String, String> outputs(StepContext context, String id) {
        return Map.of("id", IdentityRoles.DB_CONNECT_POLICY, "role", role(context),
                "resources", String.join(",", dbUsers(context)));
    }

    private void put(StepContext context) {
        String document = wanted(context);
        iam().putRolePolicy(r -> r.roleName(role(context)).policyName(IdentityRoles.DB_CONNECT_POLICY)
                .policyDocument(document));
    }

    private String wanted(StepContext context) {
        return PolicyJson.connect(dbUsers(context));
    }

    private List<String> dbUsers(StepContext context) {
        return List.of(dbUser(context, primaryDb(spec)), dbUser(context, replicaDb(spec)));
    }

    /** {@code arn:<partition>:rds-db:<region>:<account>:dbuser:<DbiResourceId>/<user>}, from the DB instance's ARN. */
    static String dbUser(String dbInstanceArn, String resourceId) {
        String[] arn = dbInstanceArn.split(":", 6);
        if (arn.length < 6 || !"rds".equals(arn[2])) {
            throw new IllegalStateException("not a DB instance ARN: " + dbInstanceArn);
        }
        return "arn:" + arn[1] + ":rds-db:" + arn[3] + ":" + arn[4] + ":dbuser:" + resourceId + "/"
                + IdentityRoles.DB_USER;
    }

    private static String dbUser(StepContext context, StepKey db) {
        return dbUser(context.require(db, "arn"), context.require(db, "resourceId"));
    }

    private String role(StepContext context) {
        return context.require(IdentityRoles.APP_ROLE_KEY, "id");
    }

    private IamClient iam() {
        return clients.iam();
    }
}
