package dr.regions.inmemory.backup;

/**
 * State of the in-memory Backup service (one instance per region, or one in all for a global service).
 * Plain public fields: the sandbox file is this object written by Jackson.
 */
public final class BackupState {
}
