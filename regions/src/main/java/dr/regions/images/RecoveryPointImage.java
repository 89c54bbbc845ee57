package dr.regions.images;

/**
 * The AMI behind an EC2 recovery point: AWS Backup names EC2 backups by the image's ARN,
 * {@code arn:aws:ec2:<region>::image/ami-...}.
 */
record RecoveryPointImage(String region, String imageId) {

    static RecoveryPointImage parse(String recoveryPointArn) {
        String[] parts = recoveryPointArn.split(":", 6);
        if (parts.length != 6 || !parts[2].equals("ec2") || !parts[5].startsWith("image/ami-")) {
            throw new IllegalStateException("recovery point " + recoveryPointArn + " is not an EC2 image");
        }
        return new RecoveryPointImage(parts[3], parts[5].substring("image/".length()));
    }
}
