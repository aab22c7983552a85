package dev.mawm.envs.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The hidden spool directory a {@link DatasetWriter} collects into, next to its target file. */
final class SpoolDirectory {
    private SpoolDirectory() {
    }

    /** Creates the target's directory and a hidden spool directory in it, saying what failed and why. */
    static Path create(Path abs) throws IOException {
        Path dir = abs.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot write dataset " + abs + ": cannot create its directory " + dir + " (" + reason(e) + ")", e);
        }
        try {
            return Files.createTempDirectory(dir, "." + abs.getFileName() + ".spool");
        } catch (IOException e) {
            throw new IOException("cannot write dataset " + abs + ": cannot create a temporary file in " + dir + " ("
                    + reason(e) + "; the directory must be writable)", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name exists";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
