package dr.regions.inmemory.rds;

/**
 * The master password rules. RDS never returns a password and the fake never keeps one: it only checks the
 * request. CreateDBInstance: "You can't specify MasterUserPassword if ManageMasterUserPassword is turned on";
 * without either, a new (non-replica) instance has no password and RDS refuses it.
 */
final class MasterPassword {
    private static final int MIN_LENGTH = 8;
    private static final int MAX_LENGTH = 41;

    private MasterPassword() {
    }

    static void check(String password, boolean managed) {
        if (managed && password != null) {
            throw RdsErrors.invalidParameterCombination(
                    "You can't specify MasterUserPassword when ManageMasterUserPassword is turned on.");
        }
        if (!managed && (password == null || password.isEmpty())) {
            throw RdsErrors.invalidParameterValue("The parameter MasterUserPassword must be provided and must not be"
                    + " blank.");
        }
        if (password != null) {
            checkLength(password);
        }
    }

    static void checkLength(String password) {
        if (password.length() < MIN_LENGTH) {
            throw RdsErrors.invalidParameterValue("The parameter MasterUserPassword is not a valid password because"
                    + " it is shorter than " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw RdsErrors.invalidParameterValue("The parameter MasterUserPassword is not a valid password because"
                    + " it is longer than " + MAX_LENGTH + " characters.");
        }
    }
}
