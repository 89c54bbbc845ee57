package dr.regions.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The policy documents dr writes, and comparing them with what IAM hands back: IAM returns documents URL-encoded
 * (RFC 3986; GetRole and GetRolePolicy API references) and the Java SDK does not decode them (aws-sdk-java-v2 issue
 * 4229), so a document read from IAM is decoded, then compared as JSON, not as text.
 */
final class PolicyJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyJson() {
    }

    /** Lets {@code service} (e.g. {@code backup.amazonaws.com}) assume the role, nothing else. */
    static String trust(String service) {
        ObjectNode root = root();
        ObjectNode statement = root.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", service);
        statement.put("Action", "sts:AssumeRole");
        return write(root);
    }

    /** Allows {@code rds-db:connect} to exactly these {@code dbuser} ARNs. */
    static String connect(List<String> dbUserArns) {
        ObjectNode root = root();
        ObjectNode statement = root.putArray("Statement").addObject();
        statement.put("Sid", "ConnectAsAppUser");
        statement.put("Effect", "Allow");
        statement.put("Action", "rds-db:connect");
        ArrayNode resources = statement.putArray("Resource");
        dbUserArns.forEach(resources::add);
        return write(root);
    }

    /** Whether a document IAM returned (URL-encoded, or plain) says the same as {@code wanted}. */
    static boolean same(String fromIam, String wanted) {
        if (fromIam == null) {
            return false;
        }
        try {
            String text = fromIam.trim().startsWith("{") ? fromIam : URLDecoder.decode(fromIam, StandardCharsets.UTF_8);
            JsonNode actual = JSON.readTree(text);
            return actual.equals(JSON.readTree(wanted));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return false;
        }
    }

    private static ObjectNode root() {
        ObjectNode root = JSON.createObjectNode();
        root.put("Version", "2012-10-17");
        return root;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
