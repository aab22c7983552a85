package dev.mawm.export.bundle;

import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.io.Sha256;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Directory handling of {@link BundleWriter}: temp directory, self-check, atomic install. */
final class BundleFiles {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private BundleFiles() {
    }

    /** Refuses a target that exists and is neither an empty directory nor a bundle (never deletes foreign data). */
    static void requireReplaceable(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new BundleException(target + " exists and is not a directory; refusing to replace it with a bundle");
        }
        boolean empty;
        try (Stream<Path> s = Files.list(target)) {
            empty = s.findAny().isEmpty();
        } catch (IOException e) {
            throw new BundleException("cannot list " + target + ": " + e.getMessage(), e);
        }
        if (!empty && !Files.isRegularFile(target.resolve(BundleManifest.FILE_NAME))) {
            throw new BundleException(target + " is a non-empty directory without " + BundleManifest.FILE_NAME
                    + "; refusing to replace something that is not a bundle");
        }
    }

    /**
     * @return a new hidden temporary directory next to {@code target}, created with the process's default
     *     permissions (umask) like any directory, since it becomes the bundle
     */
    static Path tempDir(Path target) {
        Path abs = target.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            for (int attempt = 0; ; attempt++) {
                Path dir = abs.resolveSibling("." + abs.getFileName() + ".tmp-" + Long.toHexString(RANDOM.nextLong() >>> 1));
                try {
                    return Files.createDirectory(dir);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new BundleException("cannot create a temporary directory next to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Gives {@code file} the POSIX permissions of {@code like} (the manifest writer creates owner-only temp files). */
    static void matchPermissions(Path file, Path like) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, Files.getPosixFilePermissions(like));
        }
    }

    /** Re-reads a written bundle: manifest schema, every checksum, every golden file's tensor names. */
    static void verify(Path dir) throws IOException {
        BundleManifest m = BundleManifest.read(dir);
        for (ComponentSpec c : m.components()) {
            requireSha(dir, c.file(), c.sha256());
        }
        for (GoldenSpec g : m.golden()) {
            byte[] bytes = requireSha(dir, g.file(), g.sha256());
            Map<String, ArrayTensor> t = GoldenFiles.decode(bytes, g.file());
            ComponentSpec c = m.component(g.component()).orElseThrow();
            for (TensorSpec s : c.inputs()) {
                requireKey(t, GoldenSpec.inputKey(s.name()), g.file());
            }
            for (TensorSpec s : c.outputs()) {
                requireKey(t, GoldenSpec.outputKey(s.name()), g.file());
            }
        }
    }

    private static byte[] requireSha(Path dir, String file, String sha) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve(file));
        if (!Sha256.hex(bytes).equals(sha)) {
            throw new BundleException(dir.resolve(file) + ": checksum of the written file differs from the manifest's");
        }
        return bytes;
    }

    private static void requireKey(Map<String, ArrayTensor> t, String key, String file) {
        if (!t.containsKey(key)) {
            throw new BundleException(file + ": written golden file lacks tensor '" + key + "'");
        }
    }

    /**
     * Moves the complete bundle {@code tmp} to {@code target}; an existing target is moved aside first and
     * deleted only after the new bundle is in place (restored if that fails).
     */
    static void install(Path tmp, Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (!Files.exists(abs)) {
            move(tmp, abs);
            return;
        }
        Path old = abs.resolveSibling("." + abs.getFileName() + ".old-" + Long.toHexString(RANDOM.nextLong() >>> 1));
        move(abs, old);
        try {
            move(tmp, abs);
        } catch (IOException e) {
            move(old, abs);
            throw e;
        }
        deleteQuietly(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a directory tree, best effort (used on temporary directories only). */
    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException ignored) {
                    // best effort: a hidden leftover next to the bundle is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
