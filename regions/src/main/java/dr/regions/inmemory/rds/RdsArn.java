package dr.regions.inmemory.rds;

/** An RDS ARN taken apart: {@code arn:aws:rds:<region>:<account>:<type>:<name>} (type db, subgrp, snapshot). */
record RdsArn(String region, String account, String type, String name) {

    /** The parts of an RDS ARN, or null when {@code value} is not one (e.g. a plain identifier). */
    static RdsArn parse(String value) {
        if (value == null || !value.startsWith("arn:")) {
            return null;
        }
        String[] parts = value.split(":", 7);
        if (parts.length != 7 || !parts[2].equals("rds") || parts[3].isEmpty()) {
            return null;
        }
        return new RdsArn(parts[3], parts[4], parts[5], parts[6]);
    }
}
