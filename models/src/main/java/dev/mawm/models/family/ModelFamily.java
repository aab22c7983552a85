package dev.mawm.models.family;

import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.nn.WorldModelNetwork;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code models} layer knows of one model family (DESIGN §2 "A family is registered once"): its name,
 * its exported components and their tensor names, how a checkpoint spec becomes its network, and its config
 * section. One instance per family, listed once in {@link ModelFamilies}; the other layers have their own
 * descriptors (training-tf {@code TrainingFamily}, export {@code ExportFamily}, runtime {@code RuntimeFamily})
 * registered the same way under the same name.
 *
 * @param <C> the family's config record, the section {@link #name()} of {@link dev.mawm.models.config.MawmConfig}
 */
public interface ModelFamily<C extends Record> {

    /** @return the family name as written in specs and manifests, e.g. {@code mlp}; also its config section's key */
    String name();

    /**
     * @param horizon the fused rollout's horizon H, ≥ 1
     * @return the exported components, single-step ones first, the fused rollout {@code rollout_h{H}} last
     */
    List<String> components(int horizon);

    /**
     * @param component one of {@link #components}
     * @param extra     the bundle's {@code dims.extra} (a family whose signatures depend on it reads its keys; empty
     *                  for families without extra dims)
     * @return the component's graph input names, in order
     * @throws IllegalArgumentException for a component of another family, naming the valid ones
     */
    List<String> inputNames(String component, Map<String, Integer> extra);

    /**
     * @param component one of {@link #components}
     * @return the component's graph output names, in order
     * @throws IllegalArgumentException for a component of another family, naming the valid ones
     */
    List<String> outputNames(String component);

    /**
     * @param spec a checkpoint spec of this family
     * @return the network it describes (the parameter list is checked by {@link dev.mawm.models.nn.Networks#create})
     * @throws IllegalArgumentException when the spec is of another family or its network section is invalid
     */
    WorldModelNetwork network(ModelSpec spec);

    /** @return the config record type of the family's section */
    Class<C> configType();

    /** @return the section at its defaults */
    C defaultConfig();

    /**
     * The outputs whose golden values must lie on both sides of {@link dev.mawm.models.bundle.GoldenSpec#DECISION_THRESHOLD}
     * (a probability a planner thresholds), so a head stuck on one answer cannot replay.
     *
     * @return graph output names; empty by default
     */
    default Set<String> decisionOutputs() {
        return Set.of();
    }

    /**
     * The outputs that are probabilities (sigmoid outputs in [0, 1]), whose golden values are compared relative to
     * their size down to {@link dev.mawm.models.bundle.GoldenSpec#PROBABILITY_SCALE} instead of absolutely up to 1
     * ({@link dev.mawm.models.bundle.GoldenSpec#error(double, double, double)}), so a head whose small probabilities
     * are replaced by 0, or are 100× off, cannot replay.
     *
     * @return graph output names; empty by default
     */
    default Set<String> probabilityOutputs() {
        return Set.of();
    }
}
