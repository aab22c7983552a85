package dev.mawm.runtime.family;

import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.FamilyEngine;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@code runtime} layer knows of one model family (DESIGN §2 "A family is registered once"): the manifest
 * rules beyond the shared ones, the graph metadata it expects, and its engine. One instance per family, listed once
 * in {@link RuntimeFamilies} under the name of its {@link dev.mawm.models.family.ModelFamily} (which gives the
 * components and their tensor names).
 */
public interface RuntimeFamily {
    /** @return the family name, e.g. {@code mlp} */
    String name();

    /** @return whether the family's bundles may hold an ensemble ({@code dims.ensembleSize > 1}); false by default */
    default boolean ensembles() {
        return false;
    }

    /**
     * The family's own manifest rules ({@code dims.extra}, {@code messageFormat}, …), run before the tensors are checked.
     *
     * @param m    the manifest, of this family
     * @param file the manifest file, for messages
     * @throws BundleException naming the file and the expectation
     */
    default void checkManifest(BundleManifest m, Path file) {
    }

    /**
     * @param tensor  a tensor name of one of the family's components
     * @param d       the bundle's (checked) dims
     * @param horizon the component's rollout horizon, or -1 for a single-step component
     * @return the dtype and shape the tensor must have, or empty for the names every family shares ({@code state},
     *     {@code latent}, {@code action}, …), whose rules are the runtime's own
     */
    default Optional<TensorSpec> expected(String tensor, BundleDims d, int horizon) {
        return Optional.empty();
    }

    /**
     * @param m the manifest
     * @return ONNX metadata every graph must carry besides the component and family keys (none by default)
     */
    default Map<String, String> graphMetadata(BundleManifest m) {
        return Map.of();
    }

    /**
     * @param bundle a loaded bundle of this family (it must stay open while the engine is used)
     * @return the family's typed engine over it
     * @throws IllegalArgumentException for a bundle of another family
     */
    FamilyEngine engine(Bundle bundle);
}
