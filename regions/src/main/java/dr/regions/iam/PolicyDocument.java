package dr.regions.iam;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** An IAM policy document: version 2012-10-17 and its statements, in order. */
public record PolicyDocument(List<PolicyStatement> statements) {
    public static final String VERSION = "2012-10-17";

    /**
     * The most a customer managed policy may hold, in characters not counting white space (AWS knowledge center,
     * "How do I increase the default managed policy or character size limit for an IAM role or user?",
     * https://repost.aws/knowledge-center/iam-increase-policy-size; IAM quotas,
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
     */
    public static final int MANAGED_POLICY_MAX_CHARACTERS = 6_144;

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("Version", VERSION);
        var list = json.putArray("Statement");
        statements.forEach(s -> list.add(s.toJson()));
        return json;
    }

    /** The size IAM counts against its quotas: characters other than white space. */
    public int characters() {
        return (int) toJson().toString().chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    public boolean fitsOneManagedPolicy() {
        return characters() <= MANAGED_POLICY_MAX_CHARACTERS;
    }
}
