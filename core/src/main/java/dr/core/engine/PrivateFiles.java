package dr.core.engine;

import java.nio.file.FileSystems;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files dr keeps for itself (journals, the sandbox state) hold resource ids and saved firewall rules: they are
 * created readable by their owner only (0600). Reports, meant to be shared, are not among them.
 */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    /** Owner read/write on a POSIX file system; nothing (the platform's default) elsewhere. */
    public static FileAttribute<?>[] attributes() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
