package dev.mawm.envs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files so that a failed write never leaves a half-written target: content goes to a
 * temporary file in the target's directory, which is then renamed over the target atomically.
 */
public final class AtomicFiles {
    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {
    }

    /** Writes to an output stream; may fail with an I/O error. */
    @FunctionalInterface
    public interface Writer {
        /**
         * @param out the stream to write to (buffered; closed by the caller)
         * @throws IOException when writing fails
         */
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes a file atomically.
     *
     * @param target the file to create or replace
     * @param writer produces the content
     * @throws IOException when writing or renaming fails; the previous target is then intact
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path tmp = tempSibling(target);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.write(out);
            }
            moveInto(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Creates an empty temporary file next to {@code target} (same directory, so a rename is atomic).
     * Creates the parent directories when missing.
     *
     * @param target the final file
     * @return the temporary file
     * @throws IOException when it cannot be created
     */
    public static Path tempSibling(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        // createTempFile would make the file owner-only (0600); createFile keeps the umask's permissions
        for (int attempt = 0; ; attempt++) {
            long nonce = System.nanoTime() ^ ((long) Thread.currentThread().hashCode() << 20) ^ COUNTER.incrementAndGet();
            Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(nonce) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Renames {@code tmp} over {@code target}, atomically where the file system supports it.
     *
     * @param tmp a finished temporary file in the target's directory
     * @param target the file to create or replace
     * @throws IOException when the rename fails
     */
    public static void moveInto(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
