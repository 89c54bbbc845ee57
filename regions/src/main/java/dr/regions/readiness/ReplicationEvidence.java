package dr.regions.readiness;

import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBInstanceStatusInfo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What RDS itself says about a read replica at one moment, kept as RPO evidence: its status, its source, the
 * {@code read replication} status info ({@code replicating}, {@code error}, {@code stopped}...), its latest restorable
 * time and creation time. RDS's own API gives no lag figure: that is the CloudWatch metric {@code ReplicaLag}, read by
 * {@code dr.regions.rpo.ReplicaLagReader}.
 */
public record ReplicationEvidence(
        String identifier,
        String arn,
        String status,
        String sourceArn,
        String replicationStatus,
        Boolean replicationNormal,
        String replicationMessage,
        Instant latestRestorableTime,
        Instant instanceCreateTime,
        String endpoint,
        Instant observedAt) {

    static final String READ_REPLICATION = "read replication";

    public static ReplicationEvidence of(DBInstance db, Instant observedAt) {
        Optional<DBInstanceStatusInfo> replication = db.statusInfos().stream()
                .filter(info -> READ_REPLICATION.equals(info.statusType())).findFirst();
        return new ReplicationEvidence(db.dbInstanceIdentifier(), db.dbInstanceArn(), db.dbInstanceStatus(),
                emptyToNull(db.readReplicaSourceDBInstanceIdentifier()),
                replication.map(DBInstanceStatusInfo::status).orElse(null),
                replication.map(DBInstanceStatusInfo::normal).orElse(null),
                replication.map(DBInstanceStatusInfo::message).orElse(null),
                db.latestRestorableTime(), db.instanceCreateTime(),
                db.endpoint() == null ? null : db.endpoint().address(), observedAt);
    }

    /** Still a read replica (RDS names its source). */
    public boolean isReplica() {
        return sourceArn != null;
    }

    /** Available, a replica, and RDS says replication is {@code replicating} and normal. */
    public boolean healthyReplica() {
        return "available".equals(status) && isReplica() && "replicating".equals(replicationStatus)
                && !Boolean.FALSE.equals(replicationNormal);
    }

    /** One line, e.g. {@code available, replicating from arn:...:db:dr-db}. */
    public String summary() {
        if (!isReplica()) {
            return status + ", standalone (not a read replica)";
        }
        return status + ", " + (replicationStatus == null ? "replication status not reported" : replicationStatus
                + (Boolean.FALSE.equals(replicationNormal) ? " (not normal)" : ""))
                + (replicationMessage == null || replicationMessage.isBlank() ? "" : ": " + replicationMessage)
                + ", source " + sourceArn;
    }

    /** Text values for a finding or a report; absent values are said so, never guessed. */
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("identifier", identifier);
        facts.put("status", status);
        facts.put("source", sourceArn == null ? "none (standalone)" : sourceArn);
        facts.put("replicationStatus", replicationStatus == null ? "not reported" : replicationStatus);
        if (replicationNormal != null) {
            facts.put("replicationNormal", String.valueOf(replicationNormal));
        }
        if (replicationMessage != null && !replicationMessage.isBlank()) {
            facts.put("replicationMessage", replicationMessage);
        }
        facts.put("latestRestorableTime", latestRestorableTime == null
                ? "not reported (automated backups are off on a read replica)" : latestRestorableTime.toString());
        facts.put("instanceCreateTime", instanceCreateTime == null ? "not reported" : instanceCreateTime.toString());
        facts.put("observedAt", observedAt.toString());
        return facts;
    }

    /** Plain JSON values, for runbook outputs and reports. */
    public Map<String, Object> toMap() {
        return new LinkedHashMap<>(facts());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
