package dr.regions.inmemory.rds;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.RdsState;
import dr.regions.inmemory.world.RdsState.DbInstance;
import dr.regions.inmemory.world.Timeline;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.Filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** CreateDBInstance and DescribeDBInstances. */
final class DbInstanceOperations {
    /** CreateDBInstance, DBInstanceIdentifier constraints: 1-63 letters, digits or hyphens, starting with a letter. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z](?:[a-zA-Z0-9]|-(?!-)){0,62}");
    /** The engines dr may use, with their default port and a current default version. */
    private static final Map<String, Engine> ENGINES = Map.of(
            "mysql", new Engine(3306, "8.0.40"),
            "mariadb", new Engine(3306, "10.11.10"),
            "postgres", new Engine(5432, "16.6"));
    private static final int MAX_BACKUP_RETENTION = 35;

    record Engine(int port, String defaultVersion) {
    }

    private final RdsContext ctx;
    private final RdsView view;
    private final Placement placement;

    DbInstanceOperations(RdsContext ctx, RdsView view) {
        this.ctx = ctx;
        this.view = view;
        this.placement = new Placement(ctx);
    }

    CreateDbInstanceResponse create(CreateDbInstanceRequest request) {
        String identifier = validIdentifier(request.dbInstanceIdentifier());
        String instanceClass = validInstanceClass(request.dbInstanceClass());
        Engine engine = validEngine(request.engine());
        OrderableOptions.requireOrderable(request.engine(),
                request.engineVersion() == null ? engine.defaultVersion() : request.engineVersion(), instanceClass);
        if (request.masterUsername() == null || request.masterUsername().isBlank()) {
            throw RdsErrors.invalidParameterValue("The parameter MasterUsername must be provided and must not be blank.");
        }
        boolean managed = Boolean.TRUE.equals(request.manageMasterUserPassword());
        MasterPassword.check(request.masterUserPassword(), managed);
        int retention = validRetention(request.backupRetentionPeriod(), 1);
        int storage = request.allocatedStorage() == null ? 20 : request.allocatedStorage();
        if (storage < 20 || storage > 65536) {
            throw RdsErrors.invalidParameterValue("Invalid storage size for engine name " + request.engine()
                    + " and storage type gp2: " + storage);
        }
        if (ctx.state.instances.containsKey(identifier)) {
            throw RdsErrors.instanceAlreadyExists();
        }
        if (request.dbSubnetGroupName() != null) {
            ctx.subnetGroup(request.dbSubnetGroupName());
        }
        boolean encrypted = Boolean.TRUE.equals(request.storageEncrypted()) || request.kmsKeyId() != null;
        String kmsKey = encrypted ? ctx.resolveKmsKey(request.kmsKeyId()) : null;

        DbInstance db = newInstance(identifier, engine.port());
        db.instanceClass = instanceClass;
        db.engine = request.engine().toLowerCase();
        db.engineVersion = request.engineVersion() == null ? engine.defaultVersion() : request.engineVersion();
        db.masterUsername = request.masterUsername();
        db.dbName = request.dbName();
        db.allocatedStorage = storage;
        db.multiAz = Boolean.TRUE.equals(request.multiAZ());
        db.storageEncrypted = encrypted;
        db.kmsKeyId = encrypted ? (kmsKey == null ? ctx.defaultRdsKeyArn() : kmsKey) : null;
        db.backupRetentionPeriod = retention;
        db.deletionProtection = Boolean.TRUE.equals(request.deletionProtection());
        db.copyTagsToSnapshot = Boolean.TRUE.equals(request.copyTagsToSnapshot());
        db.publiclyAccessible = Boolean.TRUE.equals(request.publiclyAccessible());
        db.iamDatabaseAuthentication = Boolean.TRUE.equals(request.enableIAMDatabaseAuthentication());
        db.tags.putAll(RdsTags.toMap(request.tags()));
        placement.place(db, request.dbSubnetGroupName(), request.vpcSecurityGroupIds());
        if (managed) {
            manageMasterPassword(db, request.masterUserSecretKmsKeyId());
        }
        // The seed guide: RDS "creates a database and then take a snapshot" (backing-up) before it is available.
        db.timeline = retention > 0
                ? Timeline.startingAt(ctx.now(), "creating")
                        .then("backing-up", ModeledDurations.RDS_CREATE)
                        .then("available", ModeledDurations.RDS_BACKING_UP)
                : Timeline.startingAt(ctx.now(), "creating").then("available", ModeledDurations.RDS_CREATE);
        register(db);
        return CreateDbInstanceResponse.builder().dbInstance(view.instance(db)).build();
    }

    /** A new instance with what every instance has: ARN, resource id, endpoint, creation time. */
    DbInstance newInstance(String identifier, int port) {
        DbInstance db = new DbInstance();
        db.identifier = identifier;
        db.arn = ctx.arn("db", identifier);
        db.resourceId = "db-" + ctx.world.ids.upper(26);
        db.endpointAddress = identifier + "." + ctx.endpointSuffix() + "." + ctx.region + ".rds.amazonaws.com";
        db.port = port;
        db.createTime = ctx.now();
        return db;
    }

    void register(DbInstance db) {
        ctx.state.instances.put(db.identifier, db);
        placement.registerDependencies(db);
        ctx.world.faults().created(db.arn);
    }

    Placement placement() {
        return placement;
    }

    void manageMasterPassword(DbInstance db, String secretKmsKeyId) {
        String key = ctx.resolveKmsKey(secretKmsKeyId);
        db.masterUserSecretArn = ctx.newMasterUserSecretArn();
        db.masterUserSecretKmsKeyId = key == null ? ctx.defaultSecretsKeyArn() : key;
    }

    DescribeDbInstancesResponse describe(DescribeDbInstancesRequest request) {
        List<DbInstance> matching;
        if (request.dbInstanceIdentifier() != null) {
            DbInstance db = ctx.instance(request.dbInstanceIdentifier());
            if (!ctx.world.faults().visible(db.arn)) {
                throw RdsErrors.instanceNotFound(request.dbInstanceIdentifier());
            }
            matching = List.of(db);
        } else {
            matching = new ArrayList<>();
            for (DbInstance db : ctx.state.instances.values()) {
                if (matchesFilters(db, request.filters())
                        && (!request.hasFilters() || ctx.world.faults().visible(db.arn))) {
                    matching.add(db);
                }
            }
        }
        RdsPage<DbInstance> page = RdsPage.of(matching, db -> db.identifier, request.marker(), request.maxRecords());
        return DescribeDbInstancesResponse.builder()
                .dbInstances(page.items().stream().map(view::instance).toList())
                .marker(page.nextMarker())
                .build();
    }

    private static boolean matchesFilters(DbInstance db, List<Filter> filters) {
        if (filters == null) {
            return true;
        }
        for (Filter filter : filters) {
            Set<String> values = Set.copyOf(filter.values());
            boolean matches = switch (filter.name()) {
                case "db-instance-id" -> values.contains(db.identifier) || values.contains(db.arn);
                case "dbi-resource-id" -> values.contains(db.resourceId);
                case "engine" -> values.contains(db.engine);
                default -> throw RdsErrors.invalidParameterValue("Unrecognized filter name: " + filter.name());
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    static String validIdentifier(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            throw RdsErrors.missingParameter("DBInstanceIdentifier");
        }
        if (!IDENTIFIER.matcher(identifier).matches() || identifier.endsWith("-")) {
            throw RdsErrors.invalidParameterValue("The parameter DBInstanceIdentifier is not a valid identifier. "
                    + "Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; "
                    + "and must not end with a hyphen or contain two consecutive hyphens.");
        }
        return identifier.toLowerCase();
    }

    static String validInstanceClass(String instanceClass) {
        if (instanceClass == null || instanceClass.isBlank()) {
            throw RdsErrors.missingParameter("DBInstanceClass");
        }
        if (!instanceClass.startsWith("db.")) {
            throw RdsErrors.invalidParameterValue("Invalid DB Instance class: " + instanceClass);
        }
        return instanceClass;
    }

    /** The engine's default version, for DescribeOrderableDBInstanceOptions. */
    static String defaultVersion(String engine) {
        Engine known = engine == null ? null : ENGINES.get(engine.toLowerCase());
        return known == null ? "" : known.defaultVersion();
    }

    private static Engine validEngine(String engine) {
        if (engine == null || engine.isBlank()) {
            throw RdsErrors.missingParameter("Engine");
        }
        Engine known = ENGINES.get(engine.toLowerCase());
        if (known == null) {
            throw RdsErrors.invalidParameterValue("Invalid DB engine: " + engine);
        }
        return known;
    }

    static int validRetention(Integer requested, int defaultDays) {
        int days = requested == null ? defaultDays : requested;
        if (days < 0 || days > MAX_BACKUP_RETENTION) {
            throw RdsErrors.invalidParameterValue("Invalid backup retention period: " + days
                    + ". It must be between 0 and " + MAX_BACKUP_RETENTION + " days.");
        }
        return days;
    }
}
