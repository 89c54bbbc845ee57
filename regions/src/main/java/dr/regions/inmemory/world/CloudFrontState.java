package dr.regions.inmemory.world;


import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * State of the in-memory CloudFront service (global). Plain public fields: the sandbox file is this object
 * written by Jackson. A distribution's configuration is kept as a plain mirror of the parts of
 * DistributionConfig the fake models.
 */
public final class CloudFrontState {
    /** Distribution id → distribution. */
    public Map<String, Distribution> distributions = new LinkedHashMap<>();

    public static final class Distribution {
        public String id;
        public String arn;
        public String domainName;
        public String eTag;
        /** InProgress → Deployed, restarted by every change. */
        public Timeline timeline;
        public Instant lastModifiedAt;
        public Config config;
        public Map<String, String> tags = new TreeMap<>();
    }

    public static final class Config {
        public String callerReference;
        public String comment;
        public boolean enabled;
        public List<String> aliases = new ArrayList<>();
        public String defaultRootObject;
        public String priceClass;
        public String httpVersion;
        public boolean ipv6Enabled;
        public String webAclId;
        public List<Origin> origins = new ArrayList<>();
        public List<OriginGroup> originGroups = new ArrayList<>();
        public CacheBehavior defaultCacheBehavior;
        public List<CacheBehavior> cacheBehaviors = new ArrayList<>();
        public ViewerCertificate viewerCertificate;
        public String geoRestrictionType;
        public List<String> geoRestrictionLocations = new ArrayList<>();
    }

    public static final class Origin {
        public String id;
        public String domainName;
        public String originPath;
        public int connectionAttempts;
        public int connectionTimeout;
        /** Custom origin settings; null for an S3 origin. */
        public CustomOrigin custom;
        public String s3OriginAccessIdentity;
        public String originAccessControlId;
        public Map<String, String> customHeaders = new TreeMap<>();
    }

    public static final class CustomOrigin {
        public int httpPort;
        public int httpsPort;
        public String protocolPolicy;
        public List<String> sslProtocols = new ArrayList<>();
        public int readTimeout;
        public int keepaliveTimeout;
    }

    public static final class OriginGroup {
        public String id;
        public List<Integer> failoverStatusCodes = new ArrayList<>();
        /** Primary first. */
        public List<String> members = new ArrayList<>();
    }

    public static final class CacheBehavior {
        /** Null for the default behavior. */
        public String pathPattern;
        public String targetOriginId;
        public String viewerProtocolPolicy;
        public List<String> allowedMethods = new ArrayList<>();
        public List<String> cachedMethods = new ArrayList<>();
        public String cachePolicyId;
        public String originRequestPolicyId;
        public String responseHeadersPolicyId;
        public boolean compress;
        /** Legacy cache settings, used only when no cache policy is set. */
        public LegacyCacheSettings legacy;
    }

    public static final class LegacyCacheSettings {
        public boolean forwardQueryString;
        public String forwardCookies;
        public List<String> forwardedHeaders = new ArrayList<>();
        public Long minTtl;
        public Long defaultTtl;
        public Long maxTtl;
    }

    public static final class ViewerCertificate {
        public boolean cloudFrontDefaultCertificate;
        public String acmCertificateArn;
        public String iamCertificateId;
        public String sslSupportMethod;
        public String minimumProtocolVersion;
    }
}
