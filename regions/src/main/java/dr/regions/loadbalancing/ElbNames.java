package dr.regions.loadbalancing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of load balancers and target groups: {@code <stack>-<role>} like every other resource, but ELB allows only
 * 32 characters (letters, digits, hyphens) and no load balancer name starting with {@code internal-}. A stack name may
 * be 31 characters, so a name that does not fit keeps the start of the stack name plus six hex characters of its
 * SHA-256: still stable (find by name works from any machine) and still distinct for two long stack names that share
 * a prefix.
 */
public final class ElbNames {
    static final int MAX_LENGTH = 32;
    private static final int HASH_LENGTH = 6;

    private ElbNames() {
    }

    public static String of(String stack, String role) {
        String plain = stack + "-" + role;
        if (plain.length() <= MAX_LENGTH && !plain.startsWith("internal-")) {
            return plain;
        }
        int keep = Math.min(stack.length(), MAX_LENGTH - role.length() - 1 - HASH_LENGTH);
        return stack.substring(0, keep) + hash(stack) + "-" + role;
    }

    private static String hash(String stack) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(stack.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
