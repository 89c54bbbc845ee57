package dr.regions.inmemory.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * State of the in-memory ACM service in one region. Plain public fields: the sandbox file is this object
 * written by Jackson. A certificate's status is derived from the validation records' first sighting and the
 * clock, so it moves from PENDING_VALIDATION to ISSUED by itself.
 */
public final class AcmState {
    /** Certificate ARN → certificate. */
    public Map<String, Certificate> certificates = new LinkedHashMap<>();

    public static final class Certificate {
        public String arn;
        public String domainName;
        /** Includes the domain name first, as ACM returns it. */
        public List<String> subjectAlternativeNames = new ArrayList<>();
        public String validationMethod;
        public String keyAlgorithm;
        public String idempotencyToken;
        public Instant requestedAt;
        public List<DomainValidation> validations = new ArrayList<>();
        public Map<String, String> tags = new TreeMap<>();
    }

    /** One name to validate and the CNAME that proves control of it. */
    public static final class DomainValidation {
        public String domainName;
        public String validationDomain;
        public String recordName;
        public String recordValue;
        /** When the CNAME was first seen in a public hosted zone; null while not seen. */
        public Instant firstSeenAt;
    }
}
