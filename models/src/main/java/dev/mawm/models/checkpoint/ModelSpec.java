package dev.mawm.models.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a checkpoint's {@code spec.json} holds: enough to rebuild the network
 * ({@link dev.mawm.models.nn.Networks#create(ModelSpec)}) and to bake its normalization into exported graphs.
 *
 * @param formatVersion  the spec format, must be {@value #FORMAT_VERSION}
 * @param family         model family: {@code mlp}, {@code gru}, … ({@code [a-z0-9_]+})
 * @param env            the environment the data came from, e.g. {@code cartpole}
 * @param obsDim         observation/state width S, ≥ 1
 * @param actionCount    number of discrete actions A, ≥ 1
 * @param network        the family's config section as JSON (e.g. {@link dev.mawm.models.config.MlpConfig}), an object
 * @param normalization  normalization statistics (see {@link Normalization})
 * @param params         every parameter's name and shape, in declaration order, names unique
 * @param datasetSha256  SHA-256 (lower-case hex) of the training dataset file, or empty when unknown
 * @param config         the whole effective config of the run as JSON (provenance), an object
 * @param weightsCrc32   the CRC-32 (zip polynomial) of every parameter's little-endian float32 bytes, by parameter
 *                       name in {@code params} order, as {@link Checkpoint#save} recorded it; {@code null} for a spec
 *                       whose weights are not saved yet ({@link Checkpoint#load} refuses a {@code spec.json} without)
 */
public record ModelSpec(
        int formatVersion,
        String family,
        String env,
        int obsDim,
        int actionCount,
        JsonNode network,
        Normalization normalization,
        List<ParamShape> params,
        String datasetSha256,
        JsonNode config,
        Map<String, Long> weightsCrc32) {
    /** The spec format this library reads and writes. */
    public static final int FORMAT_VERSION = 1;
    private static final Pattern IDENT = Pattern.compile("[a-z0-9_]+");
    private static final Pattern SHA = Pattern.compile("([0-9a-f]{64})?");

    /** Validates every field; copies lists and JSON trees. */
    public ModelSpec {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("spec formatVersion " + formatVersion + " is not supported; expected " + FORMAT_VERSION);
        }
        requireIdent("family", family);
        requireIdent("env", env);
        if (obsDim < 1 || actionCount < 1) {
            throw new IllegalArgumentException("spec obsDim and actionCount must be >= 1, got " + obsDim + " and " + actionCount);
        }
        if (network == null || !network.isObject()) {
            throw new IllegalArgumentException("spec network must be a JSON object with the family's sizes");
        }
        if (normalization == null) {
            throw new IllegalArgumentException("spec normalization must be given");
        }
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException("spec params must list at least one parameter");
        }
        Set<String> seen = new HashSet<>();
        for (ParamShape p : params) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("spec params list '" + p.name() + "' twice");
            }
        }
        if (datasetSha256 == null || !SHA.matcher(datasetSha256).matches()) {
            throw new IllegalArgumentException("spec datasetSha256 must be 64 lower-case hex digits or empty, got '" + datasetSha256 + "'");
        }
        params = List.copyOf(params);
        if (weightsCrc32 != null) {
            List<String> names = params.stream().map(ParamShape::name).toList();
            if (!List.copyOf(weightsCrc32.keySet()).equals(names)) {
                throw new IllegalArgumentException("spec weightsCrc32 must list every parameter once, in params order "
                        + names + ", got " + weightsCrc32.keySet());
            }
            for (Map.Entry<String, Long> e : weightsCrc32.entrySet()) {
                if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 0xFFFF_FFFFL) {
                    throw new IllegalArgumentException("spec weightsCrc32 '" + e.getKey() + "' must be a CRC-32 in [0, 2^32), got "
                            + e.getValue());
                }
            }
            weightsCrc32 = Collections.unmodifiableMap(new LinkedHashMap<>(weightsCrc32));
        }
        network = network.deepCopy();
        config = config == null ? JsonNodeFactory.instance.objectNode() : config.deepCopy();
    }

    /**
     * A spec whose weights are not saved yet ({@code weightsCrc32} null), as a trainer builds it.
     *
     * @param formatVersion the spec format
     * @param family model family
     * @param env the environment
     * @param obsDim S
     * @param actionCount A
     * @param network the family's config section
     * @param normalization normalization statistics
     * @param params the parameters
     * @param datasetSha256 the dataset's SHA-256 or empty
     * @param config the run's config
     */
    public ModelSpec(int formatVersion, String family, String env, int obsDim, int actionCount, JsonNode network,
                     Normalization normalization, List<ParamShape> params, String datasetSha256, JsonNode config) {
        this(formatVersion, family, env, obsDim, actionCount, network, normalization, params, datasetSha256, config, null);
    }

    /**
     * @param checksums the CRC-32 of every parameter, in {@code params} order
     * @return a copy of this spec recording them
     */
    public ModelSpec withWeightsCrc32(Map<String, Long> checksums) {
        return new ModelSpec(formatVersion, family, env, obsDim, actionCount, network, normalization, params, datasetSha256,
                config, checksums);
    }

    /** @return a copy of the family's sizes */
    @Override
    public JsonNode network() {
        return network.deepCopy();
    }

    /** @return a copy of the run's config */
    @Override
    public JsonNode config() {
        return config.deepCopy();
    }

    /**
     * Binds the {@link #network} object to the family's config record.
     *
     * @param type e.g. {@code MlpConfig.class}
     * @param <C> the record type
     * @return the validated record
     * @throws IllegalArgumentException when it does not bind or validate
     */
    public <C> C networkAs(Class<C> type) {
        return networkAs(type, "", Map.of());
    }

    /**
     * Binds the {@link #network} object to the family's config record, reading a spec written before some fields
     * existed: each field of {@code addedLater} that the object at {@code path} lacks takes the given value. Only fields
     * whose given value reproduces what older specs meant belong there (e.g. a loss term added later, off in every run
     * before it: weight 0); every other missing field is still refused.
     *
     * @param type       e.g. {@code Jepa2Spec.class}
     * @param path       JSON pointer of the object the fields belong to inside {@link #network} (e.g. {@code /config/loss})
     * @param addedLater field name → the value an older spec's lack of it means
     * @param <C>        the record type
     * @return the validated record
     * @throws IllegalArgumentException when it does not bind or validate
     */
    public <C> C networkAs(Class<C> type, String path, Map<String, ?> addedLater) {
        return networkAs(type, Map.of(path, addedLater));
    }

    /**
     * {@link #networkAs(Class, String, Map)} for fields added later in several objects of {@link #network}.
     *
     * @param type       e.g. {@code Jepa2Spec.class}
     * @param addedLater JSON pointer of an object inside {@link #network} → (field name → the value an older spec's lack
     *                   of it means)
     * @param <C>        the record type
     * @return the validated record
     * @throws IllegalArgumentException when it does not bind or validate
     */
    public <C> C networkAs(Class<C> type, Map<String, ? extends Map<String, ?>> addedLater) {
        JsonNode n = network.deepCopy();
        addedLater.forEach((path, fields) -> {
            if (n.at(path) instanceof ObjectNode o) {
                fields.forEach((k, v) -> {
                    if (!o.has(k)) {
                        o.set(k, SpecJson.MAPPER.valueToTree(v));
                    }
                });
            }
        });
        try {
            return SpecJson.MAPPER.treeToValue(n, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("spec network section is not a valid " + type.getSimpleName() + ": " + cause.getMessage(), e);
        }
    }

    /**
     * @param config a config record
     * @return it as a JSON tree (for {@link #network} / {@link #config})
     */
    public static JsonNode tree(Object config) {
        return SpecJson.MAPPER.valueToTree(config);
    }

    private static void requireIdent(String field, String value) {
        if (value == null || !IDENT.matcher(value).matches()) {
            throw new IllegalArgumentException("spec " + field + " must match [a-z0-9_]+, got '" + value + "'");
        }
    }
}
