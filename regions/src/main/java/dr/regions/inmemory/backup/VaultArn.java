package dr.regions.inmemory.backup;

/** A backup vault ARN taken apart: {@code arn:aws:backup:<region>:<account>:backup-vault:<name>}. */
record VaultArn(String region, String name) {

    static VaultArn parse(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(":", 7);
        if (parts.length != 7 || !parts[0].equals("arn") || !parts[2].equals("backup") || parts[3].isEmpty()
                || !parts[5].equals("backup-vault") || parts[6].isEmpty()) {
            return null;
        }
        return new VaultArn(parts[3], parts[6]);
    }
}
