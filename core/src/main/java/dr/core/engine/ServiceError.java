package dr.core.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A cloud service's answer to a failed call, every part of it, as reports and JSON documents carry it. Any part
 * the service left out is null ({@code status} 0), and {@link #line()} says so in words instead of printing null.
 * The AWS module builds these from SDK exceptions; the engine only carries them.
 */
public record ServiceError(String service, String operation, int status, String code, String message,
                           String requestId) {

    public ServiceError {
        service = blankToNull(service);
        operation = blankToNull(operation);
        code = blankToNull(code);
        message = blankToNull(message);
        requestId = blankToNull(requestId);
    }

    /**
     * One line, e.g. {@code Ec2 DeleteSecurityGroup: HTTP 400, DependencyViolation: resource sg-1 has a dependent
     * object (request id 7d3f)} or {@code Backup ListRecoveryPointsByBackupVault: HTTP 404, no code: no message}.
     */
    public String line() {
        StringBuilder line = new StringBuilder(service == null ? "AWS" : service);
        if (operation != null) {
            line.append(' ').append(operation);
        }
        line.append(": ").append(status > 0 ? "HTTP " + status : "no HTTP status");
        line.append(", ").append(code == null ? "no code" : code);
        line.append(": ").append(message == null ? "no message" : oneLine(message));
        if (requestId != null) {
            line.append(" (request id ").append(requestId).append(')');
        }
        return line.toString();
    }

    /** The parts as fields; absent parts are left out, never written as null. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        putIfPresent(node, "service", service);
        putIfPresent(node, "operation", operation);
        if (status > 0) {
            node.put("status", status);
        }
        putIfPresent(node, "code", code);
        putIfPresent(node, "message", message);
        putIfPresent(node, "requestId", requestId);
        return node;
    }

    /** The parts that are present, as text fields (e.g. a finding's facts), in the order of {@link #toJson}. */
    public java.util.Map<String, String> fields() {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        toJson().fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
        return fields;
    }

    @Override
    public String toString() {
        return line();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
