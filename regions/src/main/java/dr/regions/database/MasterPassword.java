package dr.regions.database;

import java.security.SecureRandom;

/**
 * The primary's initial master password: generated in this process, handed to RDS in the API request body and
 * then forgotten — never on a command line, in a log, in output or in a file. RDS cannot manage it in Secrets
 * Manager instead, because RDS does not support read replicas of a source whose password it manages (RDS User
 * Guide, "Limitations for Secrets Manager integration"). Nobody needs it: applications connect with IAM
 * database authentication, and whoever needs the master user resets it (ModifyDBInstance) or, after
 * promotion, lets RDS manage a new one in the DR region.
 */
final class MasterPassword {
    /** RDS for MySQL: 8 to 41 printable ASCII characters, not '/', '"', '@' (nor space, to be safe). */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.~+=";
    private static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MasterPassword() {
    }

    static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
