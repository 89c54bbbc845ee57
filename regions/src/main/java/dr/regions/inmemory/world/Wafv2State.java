package dr.regions.inmemory.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * State of the in-memory WAFv2 service in one region (CLOUDFRONT-scope web ACLs live in us-east-1's).
 * Plain public fields: the sandbox file is this object written by Jackson.
 */
public final class Wafv2State {
    /** Web ACL id → web ACL. */
    public Map<String, WebAcl> webAcls = new LinkedHashMap<>();

    public static final class WebAcl {
        public String id;
        public String name;
        public String scope;
        public String arn;
        public String description;
        public String lockToken;
        /** ALLOW or BLOCK. */
        public String defaultAction;
        public List<Rule> rules = new ArrayList<>();
        public Visibility visibility;
        public Map<String, String> tags = new TreeMap<>();
        public Instant createdAt;
    }

    public static final class Rule {
        public String name;
        public int priority;
        /** ALLOW, BLOCK, COUNT, CAPTCHA or CHALLENGE for rules with their own action; null otherwise. */
        public String action;
        /** NONE or COUNT for rule-group references; null otherwise. */
        public String overrideAction;
        public Visibility visibility;
        /** Exactly one of the statements below is set. */
        public ManagedRuleGroup managedRuleGroup;
        public RateLimit rateLimit;
    }

    public static final class ManagedRuleGroup {
        public String vendorName;
        public String name;
        public String version;
        public List<String> excludedRules = new ArrayList<>();
        /** Rule name → overriding action (ALLOW, BLOCK, COUNT, ...). */
        public Map<String, String> ruleActionOverrides = new TreeMap<>();
    }

    public static final class RateLimit {
        public long limit;
        public String aggregateKeyType;
        public long evaluationWindowSec;
    }

    public static final class Visibility {
        public boolean sampledRequestsEnabled;
        public boolean cloudWatchMetricsEnabled;
        public String metricName;
    }
}
