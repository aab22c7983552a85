package dev.mawm.runtime;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.family.ModelFamilies;
import dev.mawm.models.family.ModelFamily;
import dev.mawm.runtime.family.RuntimeFamilies;
import dev.mawm.runtime.family.RuntimeFamily;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's rules on a parsed manifest beyond its own validation: the family is registered in
 * {@link RuntimeFamilies}, its required components ({@link ModelFamily#components}) exist, their tensors carry the
 * family's names ({@link ModelFamily#inputNames}, {@link ModelFamily#outputNames}), and their dtypes and shapes
 * follow from {@code dims} (the shared names here, the family's own from {@link RuntimeFamily#expected}).
 */
final class ManifestRules {
    private ManifestRules() {
    }

    /**
     * @param m    the manifest
     * @param file the manifest file, for messages
     * @throws BundleException naming the manifest file and the expectation
     */
    static void check(BundleManifest m, Path file) {
        RuntimeFamily family = RuntimeFamilies.find(m.family()).orElseThrow(() -> new BundleException(BundleRule.MANIFEST_COMPONENTS,
                file + ": family '" + m.family() + "' is not supported; expected one of " + RuntimeFamilies.names()));
        ModelFamily<?> names = ModelFamilies.get(m.family());
        List<String> required = required(m, names);
        if (!family.ensembles() && m.dims().ensembleSize() != 1) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": family '" + m.family() + "' has no ensemble; "
                    + "dims.ensembleSize must be 1, got " + m.dims().ensembleSize());
        }
        checkHorizon(m, file);
        List<String> declared = m.components().stream().map(ComponentSpec::name).toList();
        for (String name : declared) {
            if (!required.contains(name)) {
                throw new BundleException(BundleRule.MANIFEST_COMPONENTS, file + ": component '" + name + "' is not one of "
                        + "family '" + m.family() + "' (components " + required + ")");
            }
        }
        family.checkManifest(m, file);
        for (String name : required) {
            ComponentSpec c = m.component(name).orElseThrow(() -> new BundleException(BundleRule.MANIFEST_COMPONENTS,
                    file + ": family '" + m.family() + "' needs component '" + name + "' (components " + required
                    + "), bundle.json has " + declared));
            checkNames(file, c, "inputs", c.inputs(), names.inputNames(name, m.dims().extra()));
            checkNames(file, c, "outputs", c.outputs(), names.outputNames(name));
            List<TensorSpec> all = new ArrayList<>(c.inputs());
            all.addAll(c.outputs());
            for (TensorSpec t : all) {
                TensorSpec want = expected(family, t.name(), m.dims(), Names.rolloutHorizon(name));
                if (!want.equals(t)) {
                    throw new BundleException(BundleRule.MANIFEST_TENSORS, file + ": component '" + name + "' tensor '" + t.name() + "' is declared "
                            + t.dtype() + t.shape() + ", expected " + want.dtype() + want.shape() + " from dims "
                            + dimsText(m.dims()));
                }
            }
        }
        for (ComponentSpec c : m.components()) {
            List<TensorSpec> all = new ArrayList<>(c.inputs());
            all.addAll(c.outputs());
            for (TensorSpec t : all) {
                for (int i = 1; i < t.shape().size(); i++) {
                    if (t.shape().get(i) == TensorSpec.DYNAMIC) {
                        throw new BundleException(BundleRule.MANIFEST_TENSORS, file + ": component '" + c.name() + "' tensor '" + t.name()
                                + "' has shape " + t.shape() + "; only the leading (batch) dimension may be -1");
                    }
                }
            }
        }
    }

    private static List<String> required(BundleManifest m, ModelFamily<?> family) {
        List<String> all = family.components(Math.max(1, m.dims().horizon()));
        if (m.dims().horizon() == 0) {
            return all.stream().filter(c -> Names.rolloutHorizon(c) < 0).toList();
        }
        return all;
    }

    /**
     * {@code dims.horizon} H, the rollout graph and {@code planningDefaults.horizon} agree: H = 0 means no
     * {@code rollout_h*} component; H ≥ 1 means exactly {@code rollout_h{H}} and a planner horizon of H.
     */
    private static void checkHorizon(BundleManifest m, Path file) {
        int h = m.dims().horizon();
        List<String> rollouts = m.components().stream().map(ComponentSpec::name)
                .filter(c -> Names.rolloutHorizon(c) >= 0).toList();
        if (h == 0 && !rollouts.isEmpty()) {
            throw new BundleException(BundleRule.MANIFEST_HORIZON, file + ": dims.horizon is 0 (no fused rollout) but "
                    + "bundle.json lists " + rollouts + "; expected dims.horizon " + Names.rolloutHorizon(rollouts.get(0)));
        }
        if (h > 0 && !rollouts.equals(List.of(Names.rollout(h)))) {
            throw new BundleException(BundleRule.MANIFEST_HORIZON, file + ": dims.horizon " + h + " needs exactly one "
                    + "rollout component '" + Names.rollout(h) + "', bundle.json lists " + rollouts);
        }
        if (h > 0 && m.planningDefaults().horizon() != h) {
            throw new BundleException(BundleRule.MANIFEST_HORIZON, file + ": planningDefaults.horizon "
                    + m.planningDefaults().horizon() + " differs from dims.horizon " + h + " (the horizon of '"
                    + Names.rollout(h) + "'); a planner with these defaults could not use the rollout");
        }
    }

    private static void checkNames(Path file, ComponentSpec c, String what, List<TensorSpec> specs, List<String> want) {
        List<String> got = specs.stream().map(TensorSpec::name).toList();
        if (!got.equals(want)) {
            throw new BundleException(BundleRule.MANIFEST_TENSORS, file + ": component '" + c.name() + "' declares " + what + " " + got
                    + ", expected " + want + " (" + ModelFamily.class.getSimpleName() + " of the bundle's family)");
        }
    }

    /**
     * The dtype and shape a tensor has in format version 1: the family's rule for its own names, else the shared rule.
     *
     * @param family  the bundle's family
     * @param tensor  a tensor name
     * @param d       the dims
     * @param horizon the component's rollout horizon, or -1
     * @return the expected spec
     */
    static TensorSpec expected(RuntimeFamily family, String tensor, BundleDims d, int horizon) {
        return family.expected(tensor, d, horizon).orElseGet(() -> shared(tensor, d, horizon));
    }

    private static TensorSpec shared(String tensor, BundleDims d, int horizon) {
        long n = TensorSpec.DYNAMIC;
        return switch (tensor) {
            case Names.STATE, Names.STATE_PRED, Names.START_STATE, Names.FINAL_STATE ->
                    TensorSpec.f32(tensor, n, d.stateSize());
            case Names.LATENT, Names.NEXT_LATENT -> TensorSpec.f32(tensor, n, d.latentSize());
            case Names.ACTION -> TensorSpec.i32(tensor, n);
            case Names.ACTIONS -> TensorSpec.i32(tensor, n, horizon);
            case Names.DISCOUNT -> TensorSpec.f32(tensor, 1);
            case Names.REWARD_OUT, Names.DONE_PROB, Names.RETURNS, Names.DISAGREEMENT -> TensorSpec.f32(tensor, n);
            default -> throw new IllegalStateException("no rule for tensor '" + tensor + "'");
        };
    }

    private static String dimsText(BundleDims d) {
        return "(stateSize " + d.stateSize() + ", latentSize " + d.latentSize() + ", horizon " + d.horizon() + ")";
    }
}
