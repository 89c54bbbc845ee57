package dr.regions.step;

/**
 * How a lookup treats a resource that AWS still lists while deleting it (an RDS instance {@code deleting}, an Auto
 * Scaling group {@code Delete in progress}). Each caller says which view it needs; the lookup has one code path.
 */
public enum Deleting {
    /**
     * Still there: for callers that report or act on its state (readiness, promotion, cleanup's wait), which must say
     * "deleting" rather than "missing".
     */
    PRESENT,
    /**
     * Already gone: for callers that decide whether to create or adopt it (provisioning, the failover read), which
     * must not adopt what is on its way out.
     */
    ABSENT
}
