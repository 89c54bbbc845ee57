package dr.regions.images;

import java.util.Optional;

/**
 * The AMI behind an EC2 recovery point: AWS Backup names EC2 backups by the image's ARN,
 * {@code arn:aws:ec2:<region>::image/ami-...}. Such a recovery point has no Backup tags (Backup's tag calls serve
 * only {@code arn:aws:backup} ARNs): its tags are the AMI's.
 */
record RecoveryPointImage(String region, String imageId) {

    static RecoveryPointImage parse(String recoveryPointArn) {
        return of(recoveryPointArn).orElseThrow(() -> new IllegalStateException("recovery point " + recoveryPointArn
                + " is not an EC2 image"));
    }

    static Optional<RecoveryPointImage> of(String recoveryPointArn) {
        String[] parts = recoveryPointArn.split(":", 6);
        if (parts.length != 6 || !parts[2].equals("ec2") || !parts[5].startsWith("image/ami-")) {
            return Optional.empty();
        }
        return Optional.of(new RecoveryPointImage(parts[3], parts[5].substring("image/".length())));
    }
}
