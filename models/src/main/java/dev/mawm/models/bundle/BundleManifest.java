package dev.mawm.models.bundle;

import dev.mawm.models.config.CemConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code bundle.json} manifest of a model bundle (DESIGN §6), format version {@value #FORMAT_VERSION}.
 *
 * <p>Immutable and validated in the compact constructor (an {@link IllegalArgumentException} names the field);
 * {@link #read(Path)} wraps every failure in a {@link BundleException} naming the file. Checksums, graph
 * interfaces and golden replay are checked by the runtime when it loads the bundle.
 *
 * @param formatVersion    manifest format version; must equal {@value #FORMAT_VERSION}
 * @param name             bundle name, {@code [A-Za-z0-9_.-]+}
 * @param version          bundle version (free form, e.g. {@code 2024.06.1}), {@code [A-Za-z0-9_.-]+}
 * @param family           model family, which decides the components the runtime expects
 *                         ({@code mlp}, {@code gru}, …), {@code [A-Za-z0-9_.-]+}
 * @param dims             the sizes the graphs were built with
 * @param actionSpace      the discrete action space; its count equals {@code dims.actionCount}
 * @param messageFormat    the inter-agent message, or {@code null} for families without messages
 * @param components       the graphs, non-empty, unique names and files
 * @param planningDefaults the planner settings the bundle was validated with
 * @param provenance       training provenance (config, dataset hash, steps, losses …), JSON values; may be empty
 * @param golden           one golden I/O file per component, each naming an existing component
 */
public record BundleManifest(
        int formatVersion,
        String name,
        String version,
        String family,
        BundleDims dims,
        ActionSpace actionSpace,
        MessageFormat messageFormat,
        List<ComponentSpec> components,
        CemConfig planningDefaults,
        Map<String, Object> provenance,
        List<GoldenSpec> golden) {

    /** The manifest format version this library reads and writes. */
    public static final int FORMAT_VERSION = 1;
    /** File name of the manifest inside a bundle directory. */
    public static final String FILE_NAME = "bundle.json";

    /** Validates every field and the cross-references between them. */
    public BundleManifest {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion " + formatVersion
                    + " is not supported; this library reads formatVersion " + FORMAT_VERSION);
        }
        Checks.ident("name", name);
        Checks.ident("version", version);
        Checks.ident("family", family);
        Objects.requireNonNull(dims, "dims must be given");
        Objects.requireNonNull(actionSpace, "actionSpace must be given");
        if (actionSpace.count() != dims.actionCount()) {
            throw new IllegalArgumentException("actionSpace.count (" + actionSpace.count()
                    + ") must equal dims.actionCount (" + dims.actionCount() + ")");
        }
        components = Checks.nonEmptyUnique("components", components, ComponentSpec::name);
        Checks.nonEmptyUnique("component files", components, ComponentSpec::file);
        Objects.requireNonNull(planningDefaults, "planningDefaults must be given");
        provenance = provenance == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        golden = Checks.nonEmptyUnique("golden", golden, GoldenSpec::component);
        Set<String> names = new HashSet<>();
        components.forEach(c -> names.add(c.name()));
        Set<String> withGolden = new HashSet<>();
        for (GoldenSpec g : golden) {
            if (!names.contains(g.component())) {
                throw new IllegalArgumentException("golden entry names component '" + g.component()
                        + "', which is not among the components " + names);
            }
            withGolden.add(g.component());
        }
        for (ComponentSpec c : components) {
            if (!withGolden.contains(c.name())) {
                throw new IllegalArgumentException("component '" + c.name() + "' has no golden entry; every "
                        + "component needs golden inputs and outputs");
            }
        }
    }

    /**
     * @param componentName a component name
     * @return the component, if the bundle has one of that name
     */
    public Optional<ComponentSpec> component(String componentName) {
        return components.stream().filter(c -> c.name().equals(componentName)).findFirst();
    }

    /**
     * @param componentName a component name
     * @return the golden entry of that component, if any
     */
    public Optional<GoldenSpec> goldenFor(String componentName) {
        return golden.stream().filter(g -> g.component().equals(componentName)).findFirst();
    }

    /** @return every file the manifest references (graphs, then golden files), relative to the bundle directory */
    public List<String> files() {
        List<String> out = new ArrayList<>();
        components.forEach(c -> out.add(c.file()));
        golden.forEach(g -> out.add(g.file()));
        return List.copyOf(out);
    }

    /**
     * Reads and validates a manifest.
     *
     * @param file a {@code bundle.json} file, or a bundle directory containing one
     * @return the validated manifest
     * @throws BundleException naming the file and what was expected (missing file, bad JSON, unsupported
     *                         format version, unknown or missing field, invalid value)
     */
    public static BundleManifest read(Path file) {
        return ManifestJson.read(file);
    }

    /**
     * Parses and validates manifest JSON text.
     *
     * @param json   the JSON text
     * @param source what to call the text in error messages (e.g. a file name)
     * @return the validated manifest
     * @throws BundleException naming {@code source} and what was expected
     */
    public static BundleManifest parse(String json, String source) {
        return ManifestJson.parse(json, source);
    }

    /** @return this manifest as pretty-printed JSON (every field present; {@code null} for an absent message format) */
    public String toJson() {
        return ManifestJson.toJson(this);
    }

    /**
     * Writes this manifest atomically: to a temporary file in the same directory, then renamed over
     * {@code file}, so a failed write leaves any previous file intact.
     *
     * @param file the target {@code bundle.json} file
     * @throws BundleException when the file cannot be written
     */
    public void write(Path file) {
        ManifestJson.write(this, file);
    }
}
