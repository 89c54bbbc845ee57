package dr.regions.inmemory.world;

/**
 * Resource ids in AWS formats ({@code vpc-0a1b2c3d4e5f60718}), deterministic for a given seed and call order,
 * so two identical runs produce identical ids. The counter is part of the sandbox state.
 */
public final class Ids {
    public long seed = 42;
    public long counter;

    public Ids() {
    }

    public Ids(long seed) {
        this.seed = seed;
    }

    /** {@code prefix-} followed by 17 hex digits, as EC2 ids are. */
    public synchronized String next(String prefix) {
        return prefix + "-" + hex(17);
    }

    /** {@code length} lower-case hex digits. */
    public synchronized String hex(int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(String.format("%016x", mix(seed * 0x9E3779B97F4A7C15L + (++counter))));
        }
        return out.substring(0, length);
    }

    /** {@code length} upper-case letters and digits, as CloudFront and Route 53 ids are. */
    public synchronized String upper(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder out = new StringBuilder();
        long bits = mix(seed * 0x9E3779B97F4A7C15L + (++counter));
        for (int i = 0; i < length; i++) {
            if (i % 10 == 9) {
                bits = mix(bits + (++counter));
            }
            out.append(alphabet.charAt((int) Math.floorMod(bits, alphabet.length())));
            bits = Long.rotateRight(bits, 6) ^ (bits >>> 3);
        }
        return out.toString();
    }

    /** A UUID-shaped id (ACM certificates, WAF, Backup). */
    public synchronized String uuid() {
        String h = hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
