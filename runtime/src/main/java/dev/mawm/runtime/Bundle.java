package dev.mawm.runtime;

import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.GoldenSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded and validated model bundle: its manifest and one ONNX Runtime session per component.
 *
 * <p>{@link #load(Path)} validates, in order, stopping at the first failure with a {@link BundleException} that
 * names the file and the expectation: (1) {@code bundle.json} parses, has format version 1 and a valid schema
 * (including the family's required components and the tensor names, dtypes and shapes implied by its dims);
 * (2) every referenced file exists; (3) every file's SHA-256 matches; (4) every graph loads in ONNX Runtime and
 * its input/output names, dtypes and shapes equal the manifest's; (5) every golden file replays within its
 * tolerance. Graph bytes are hashed and loaded from the same read, so a file cannot change in between.
 *
 * <p>Thread-safe: components may be run from any number of threads. Close the bundle when no call uses it any
 * more ({@link dev.mawm.runtime.swap.BundleHolder} does this for swapped bundles).
 */
public final class Bundle implements AutoCloseable {
    private final Path directory;
    private final BundleManifest manifest;
    private final Map<String, Component> components;
    private final Map<String, byte[]> golden;
    private final DeviceStatus deviceStatus;
    private volatile boolean closed;

    Bundle(Path directory, BundleManifest manifest, Map<String, Component> components, Map<String, byte[]> golden,
           DeviceStatus deviceStatus) {
        this.directory = directory;
        this.manifest = manifest;
        this.components = components;
        this.golden = golden;
        this.deviceStatus = deviceStatus;
    }

    /**
     * Loads and fully validates a bundle on the CPU.
     *
     * @param dir the bundle directory
     * @return the bundle
     * @throws BundleException naming the first file that fails and what was expected
     */
    public static Bundle load(Path dir) {
        return load(dir, EngineOptions.defaults());
    }

    /**
     * Loads and fully validates a bundle.
     *
     * @param dir     the bundle directory
     * @param options device and threading
     * @return the bundle
     * @throws BundleException naming the first file that fails and what was expected
     */
    public static Bundle load(Path dir, EngineOptions options) {
        Bundle b = BundleLoader.open(dir, options);
        try {
            VerifyReport report = b.replayGolden();
            report.firstFailure().ifPresent(c -> {
                throw new BundleException(BundleRule.GOLDEN_MISMATCH, c.describe(dir));
            });
            return b;
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }

    /**
     * Validates steps 1–4 like {@link #load} and replays every golden file, collecting each component's error
     * instead of stopping at the first mismatch (what {@code mawm verify} prints).
     *
     * @param dir     the bundle directory
     * @param options device and threading
     * @return the per-component errors
     * @throws BundleException when steps 1–4 fail, or a golden file is malformed
     */
    public static VerifyReport verify(Path dir, EngineOptions options) {
        try (Bundle b = BundleLoader.open(dir, options)) {
            return b.replayGolden();
        }
    }

    /**
     * Replays every golden file against the live sessions.
     *
     * @return the per-component errors, in manifest order
     * @throws BundleException when a golden file is malformed
     */
    public VerifyReport replayGolden() {
        ensureOpen();
        List<ComponentCheck> checks = new ArrayList<>();
        for (GoldenSpec g : manifest.golden()) {
            Component c = components.get(g.component());
            checks.add(GoldenReplay.replay(manifest.family(), c.spec(), g, golden.get(g.component()), directory.resolve(g.file()), c::run));
        }
        return new VerifyReport(directory, deviceStatus, checks);
    }

    /**
     * Reads a file of a bundle and checks its SHA-256 against the manifest, for adapters (such as DJL's) that
     * load graphs themselves and must use exactly the bytes that were validated.
     *
     * @param file the file
     * @param sha256 its checksum from {@code bundle.json}
     * @return the file's bytes
     * @throws BundleException naming the file when it cannot be read or its checksum differs
     */
    public static byte[] readVerified(Path file, String sha256) {
        return BundleLoader.readVerified(file, sha256);
    }

    /**
     * @param component a component name
     * @return the golden file's bytes as validated at load time (its SHA-256 matched the manifest)
     * @throws IllegalArgumentException when the bundle has no such component
     */
    public byte[] goldenBytes(String component) {
        byte[] b = golden.get(component);
        if (b == null) {
            throw new IllegalArgumentException("bundle " + directory + " has no golden file for component '"
                    + component + "'");
        }
        return b.clone();
    }

    /** @return the bundle directory */
    public Path directory() {
        return directory;
    }

    /** @return the validated manifest */
    public BundleManifest manifest() {
        return manifest;
    }

    /** @return the device the sessions run on, and why it differs from the requested one if it does */
    public DeviceStatus deviceStatus() {
        return deviceStatus;
    }

    /** @return the components in manifest order */
    public List<Component> components() {
        return List.copyOf(components.values());
    }

    /**
     * @param name a component name
     * @return the component, if the bundle has it
     */
    public Optional<Component> findComponent(String name) {
        return Optional.ofNullable(components.get(name));
    }

    /**
     * @param name a component name
     * @return the component
     * @throws IllegalArgumentException naming the component and the bundle's components
     */
    public Component component(String name) {
        Component c = components.get(name);
        if (c == null) {
            throw new IllegalArgumentException("bundle " + directory + " has no component '" + name + "'; it has "
                    + components.keySet());
        }
        ensureOpen();
        return c;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("bundle " + directory + " is closed");
        }
    }

    /** Closes every session. Calls still running on this bundle must have finished. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException first = null;
        for (Component c : components.values()) {
            try {
                c.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "Bundle[" + manifest.name() + " " + manifest.version() + " (" + manifest.family() + ") at " + directory
                + ", " + deviceStatus.active() + "]";
    }
}
