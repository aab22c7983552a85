package dev.mawm.export.bundle;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.bundle.TensorSpec;
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
        if (!empty && !Files.isRegularFile(target.resolve(Names.BUNDLE_MANIFEST))) {
            throw new BundleException(target + " is a non-empty directory without " + Names.BUNDLE_MANIFEST
                    + "; refusing to replace something that is not a bundle");
        }
    }

    /** @return a new hidden temporary directory next to {@code target} */
    static Path tempDir(Path target) {
        Path abs = target.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            return Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new BundleException("cannot create a temporary directory next to " + target + ": " + e.getMessage(), e);
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
        Path old = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".old-");
        Files.delete(old);
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
