package dr.regions.inmemory.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What IAM checks in a policy document before storing it, and how it hands one back. Trust policies
 * (AssumeRolePolicyDocument) name a Principal and no Resource; identity policies (PutRolePolicy) name a Resource and
 * no Principal (IAM User Guide, "IAM JSON policy element reference"). Sizes exclude white space and are limited to
 * 2,048 characters for a trust policy (ACLSizePerRole) and 10,240 for all of a role's inline policies together
 * (IAM User Guide, "IAM and AWS STS quotas"). Documents come back URL-encoded as RFC 3986 says: the API reference of
 * GetRole and GetRolePolicy ("Policies returned by this operation are URL-encoded"), aws-sdk-java issue 730 and
 * aws-sdk-java-v2 issue 4229 (the SDK does not decode them).
 */
final class PolicyDocuments {
    static final int TRUST_POLICY_LIMIT = 2048;
    static final int INLINE_POLICIES_LIMIT = 10240;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

    private PolicyDocuments() {
    }

    /** A trust policy as CreateRole and UpdateAssumeRolePolicy accept it; returns its statements. */
    static List<JsonNode> checkTrust(String document) {
        List<JsonNode> statements = statements(document);
        for (JsonNode statement : statements) {
            if (statement.has("Resource") || statement.has("NotResource")) {
                throw IamErrors.malformed("Has prohibited field Resource");
            }
            JsonNode principal = statement.get("Principal");
            if (principal == null && !statement.has("NotPrincipal")) {
                throw IamErrors.malformed("Missing required field Principal");
            }
            if (principal != null && principal.has("Service")) {
                for (JsonNode service : values(principal.get("Service"))) {
                    if (!service.asText().endsWith(".amazonaws.com")) {
                        throw IamErrors.malformed("Invalid principal in policy: \"SERVICE\":\"" + service.asText()
                                + "\"");
                    }
                }
            }
        }
        if (size(document) > TRUST_POLICY_LIMIT) {
            throw IamErrors.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_LIMIT);
        }
        return statements;
    }

    /** An identity policy as PutRolePolicy accepts it. */
    static void checkIdentity(String document) {
        for (JsonNode statement : statements(document)) {
            if (statement.has("Principal") || statement.has("NotPrincipal")) {
                throw IamErrors.malformed("Policy document should not specify a principal.");
            }
            if (!statement.has("Resource") && !statement.has("NotResource")) {
                throw IamErrors.malformed("Policy statement must contain resources.");
            }
            if (!statement.has("Action") && !statement.has("NotAction")) {
                throw IamErrors.malformed("Policy statement must contain actions.");
            }
        }
    }

    /** Whether a trust policy lets {@code service} (e.g. {@code backup.amazonaws.com}) assume the role. */
    static boolean trusts(String document, String service) {
        for (JsonNode statement : statements(document)) {
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            boolean assume = values(statement.get("Action")).stream()
                    .anyMatch(a -> a.asText().equals("sts:AssumeRole") || a.asText().equals("sts:*"));
            boolean named = values(statement.path("Principal").get("Service")).stream()
                    .anyMatch(s -> s.asText().equals(service));
            if (assume && named) {
                return true;
            }
        }
        return false;
    }

    /** Characters that count against the quotas: all but white space. */
    static int size(String document) {
        return document.replaceAll("\\s", "").length();
    }

    /** As IAM returns documents: URL-encoded (RFC 3986: a space is %20, not +). */
    static String encoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~")
                .replace("*", "%2A");
    }

    private static List<JsonNode> statements(String document) {
        if (document == null || document.isBlank()) {
            throw IamErrors.malformed("Syntax errors in policy.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw IamErrors.malformed("This policy contains invalid Json");
        }
        if (root == null || !root.isObject()) {
            throw IamErrors.malformed("This policy contains invalid Json");
        }
        if (root.has("Version") && !VERSIONS.contains(root.get("Version").asText())) {
            throw IamErrors.malformed("The policy failed legacy parsing");
        }
        List<JsonNode> statements = values(root.get("Statement"));
        if (statements.isEmpty()) {
            throw IamErrors.malformed("Syntax errors in policy.");
        }
        for (JsonNode statement : statements) {
            String effect = statement.path("Effect").asText();
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw IamErrors.malformed("Syntax errors in policy.");
            }
        }
        return statements;
    }

    /** A JSON value that may be one item or an array of them, as a list. */
    private static List<JsonNode> values(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(values::add);
        } else {
            values.add(node);
        }
        return values;
    }
}
