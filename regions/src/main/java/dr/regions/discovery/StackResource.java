package dr.regions.discovery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.engine.StepKey;
import dr.core.model.Tags;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One resource of a stack as discovery found it: its kind, where it lives ({@link #GLOBAL} for Route 53,
 * CloudFront and the CLOUDFRONT-scope web ACL), its id (an ARN where the API names things by ARN), its
 * {@code dr:role} and {@code dr:region-role}, the state AWS reports (null when the API has none), and the few
 * attributes a later reader needs (which VPC, which load balancer, which zone...), see {@link Attributes}.
 */
public record StackResource(ResourceKind kind, String region, String id, String role, String regionRole,
                            String state, Map<String, String> attributes) {
    public static final String GLOBAL = StepKey.GLOBAL;

    public StackResource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(id, "id");
        role = role == null || role.isBlank() ? kind.slug() : role;
        attributes = Map.copyOf(attributes);
    }

    /** A resource whose role and region role come from its tags (a missing {@code dr:role} reads as the kind). */
    public static Builder of(ResourceKind kind, String region, String id, Map<String, String> tags) {
        return new Builder(kind, region, id).role(tags.get(Tags.ROLE)).regionRole(tags.get(Tags.REGION_ROLE));
    }

    public static Builder of(ResourceKind kind, String region, String id) {
        return new Builder(kind, region, id);
    }

    public boolean isGlobal() {
        return GLOBAL.equals(region);
    }

    /** An attribute, or null. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(attributes.get(name));
    }

    /** e.g. {@code us-east-1 AWS::EC2::VPC vpc-0abc (vpc)}. */
    public String describe() {
        return region + " " + kind.awsType() + " " + id + " (" + role + (state == null ? "" : ", " + state) + ")";
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("region", region);
        node.put("type", kind.awsType());
        node.put("id", id);
        node.put("role", role);
        if (regionRole != null) {
            node.put("regionRole", regionRole);
        }
        if (state != null) {
            node.put("state", state);
        }
        if (!attributes.isEmpty()) {
            ObjectNode attrs = node.putObject("attributes");
            new TreeMap<>(attributes).forEach(attrs::put);
        }
        return node;
    }

    /** Collects a resource while a reader looks at it. */
    public static final class Builder {
        private final ResourceKind kind;
        private final String region;
        private final String id;
        private String role;
        private String regionRole;
        private String state;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(ResourceKind kind, String region, String id) {
            this.kind = kind;
            this.region = region;
            this.id = id;
        }

        public Builder role(String value) {
            if (value != null && !value.isBlank()) {
                this.role = value;
            }
            return this;
        }

        public Builder regionRole(String value) {
            if (value != null && !value.isBlank()) {
                this.regionRole = value;
            }
            return this;
        }

        public Builder state(String value) {
            this.state = value;
            return this;
        }

        /** Adds an attribute unless the value is null. */
        public Builder with(String name, Object value) {
            if (value != null) {
                attributes.put(name, String.valueOf(value));
            }
            return this;
        }

        public StackResource build() {
            return new StackResource(kind, region, id, role, regionRole, state, attributes);
        }
    }
}
