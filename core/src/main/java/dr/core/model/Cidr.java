package dr.core.model;

import dr.core.DrException;

/** An IPv4 CIDR block, parsed strictly. */
public record Cidr(long network, int prefix) {

    public static Cidr parse(String text) {
        if (text == null || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
            throw DrException.badInput("malformed CIDR '" + text + "': expected a.b.c.d/n, e.g. 10.10.0.0/16");
        }
        String[] parts = text.split("/");
        String[] octets = parts[0].split("\\.");
        long address = 0;
        for (String octet : octets) {
            int value = Integer.parseInt(octet);
            if (value > 255) {
                throw DrException.badInput("malformed CIDR '" + text + "': octet " + value + " is over 255");
            }
            address = (address << 8) | value;
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix > 32) {
            throw DrException.badInput("malformed CIDR '" + text + "': prefix /" + prefix + " is over /32");
        }
        long mask = mask(prefix);
        if ((address & mask) != address) {
            throw DrException.badInput("malformed CIDR '" + text + "': host bits are set; did you mean "
                    + new Cidr(address & mask, prefix) + "?");
        }
        return new Cidr(address, prefix);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public long last() {
        return network + size() - 1;
    }

    public boolean overlaps(Cidr other) {
        return network <= other.last() && other.network <= last();
    }

    public boolean contains(Cidr other) {
        return network <= other.network && other.last() <= last();
    }

    /** The {@code index}-th block of prefix {@code newPrefix} inside this one. */
    public Cidr subnet(int newPrefix, int index) {
        if (newPrefix < prefix || newPrefix > 32) {
            throw new IllegalArgumentException("/" + newPrefix + " does not fit in " + this);
        }
        long count = 1L << (newPrefix - prefix);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(this + " has no subnet #" + index + " of /" + newPrefix);
        }
        return new Cidr(network + index * (1L << (32 - newPrefix)), newPrefix);
    }

    public boolean isAnywhere() {
        return prefix == 0;
    }

    @Override
    public String toString() {
        return ((network >> 24) & 255) + "." + ((network >> 16) & 255) + "." + ((network >> 8) & 255) + "."
                + (network & 255) + "/" + prefix;
    }
}
