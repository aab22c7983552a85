package dev.mawm.models.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads an immutable config record the way seed 003's {@code ConfigBase} did with OmegaConf:
 * start from the record's defaults, merge YAML/JSON files in order, then apply dotted
 * {@code key.path=value} overrides, then bind and validate through the records' constructors.
 *
 * <p>Every key must already exist in the defaults (so a typo is an error that lists the valid
 * keys), and a value must keep the type of the default (a number stays a number; an integer field
 * refuses {@code 3.5}). Nothing is silently corrected.
 */
public final class ConfigLoader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private ConfigLoader() {
    }

    /**
     * Builds the effective config.
     *
     * @param type the root record type
     * @param defaults the defaults every key starts from
     * @param files YAML ({@code .yaml}/{@code .yml}) or JSON files, merged in order
     * @param overrides {@code key.path=value} strings applied last, in order; values parse as YAML scalars or lists
     * @param <T> the root record type
     * @return the validated config
     * @throws ConfigException naming the key, file or value at fault
     */
    public static <T> T load(Class<T> type, T defaults, List<Path> files, List<String> overrides) {
        ObjectNode tree = JSON.valueToTree(defaults);
        for (Path file : files) {
            mergeInto(tree, readFile(file), "", file.toString());
        }
        for (String override : overrides) {
            applyOverride(tree, override);
        }
        return bind(type, tree);
    }

    /**
     * Renders a config as YAML (the format {@code mawm config show} prints and files use).
     *
     * @param config any config record
     * @return YAML text
     */
    public static String toYaml(Object config) {
        try {
            return YAML.writeValueAsString(JSON.valueToTree(config));
        } catch (JsonProcessingException e) {
            throw new ConfigException("cannot render config as YAML: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Renders a config as a JSON tree (for {@code --json} output and provenance in manifests).
     *
     * @param config any config record
     * @return the JSON tree
     */
    public static JsonNode toTree(Object config) {
        return JSON.valueToTree(config);
    }

    private static JsonNode readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist or is not a regular file");
        }
        String name = file.getFileName().toString().toLowerCase();
        ObjectMapper reader = name.endsWith(".json") ? JSON : YAML;
        try {
            JsonNode node = reader.readTree(Files.readString(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JSON.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException("config file " + file + " must hold a mapping of sections at the top, found " + kind(node));
            }
            return node;
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void mergeInto(ObjectNode target, JsonNode source, String prefix, String origin) {
        Iterator<Map.Entry<String, JsonNode>> it = source.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode existing = target.get(e.getKey());
            if (existing == null) {
                throw unknownKey(key, target, prefix, origin);
            }
            JsonNode value = e.getValue();
            if (existing.isObject()) {
                if (!value.isObject()) {
                    throw new ConfigException("config key '" + key + "' in " + origin + " must be a section (mapping), found " + kind(value));
                }
                mergeInto((ObjectNode) existing, value, key, origin);
            } else {
                target.set(e.getKey(), checkedValue(key, existing, value, origin));
            }
        }
    }

    private static void applyOverride(ObjectNode tree, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("override '" + override + "' must have the form key.path=value");
        }
        String key = override.substring(0, eq).trim();
        String raw = override.substring(eq + 1);
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null) {
                throw unknownKey(key, node, prefix.toString(), "--set " + override);
            }
            if (i == parts.length - 1) {
                if (child.isObject()) {
                    throw new ConfigException("override '" + override + "' names the section '" + key
                            + "'; set one of its keys instead: " + String.join(", ", fieldNames(child)));
                }
                node.set(parts[i], checkedValue(key, child, parseScalar(key, raw), "--set " + override));
            } else {
                if (!child.isObject()) {
                    throw new ConfigException("override '" + override + "': '" + prefix + (prefix.length() > 0 ? "." : "")
                            + parts[i] + "' is a value, not a section");
                }
                node = (ObjectNode) child;
                prefix.append(prefix.length() > 0 ? "." : "").append(parts[i]);
            }
        }
    }

    private static JsonNode parseScalar(String key, String raw) {
        try {
            JsonNode node = YAML.readTree(raw.isEmpty() ? "''" : raw);
            return node == null ? JSON.getNodeFactory().textNode(raw) : node;
        } catch (IOException e) {
            throw new ConfigException("cannot parse the value of '" + key + "': " + raw, e);
        }
    }

    private static JsonNode checkedValue(String key, JsonNode existing, JsonNode value, String origin) {
        JsonNodeType want = existing.getNodeType();
        if (value.isNull()) {
            throw new ConfigException("config key '" + key + "' in " + origin + " must not be null; expected " + describe(existing));
        }
        boolean ok;
        if (existing.isIntegralNumber()) {
            ok = value.isIntegralNumber();
        } else if (existing.isNumber()) {
            ok = value.isNumber();
        } else if (existing.isTextual()) {
            ok = value.isValueNode() && !value.isNull();
            value = ok && !value.isTextual() ? JSON.getNodeFactory().textNode(value.asText()) : value;
        } else {
            ok = value.getNodeType() == want;
        }
        if (!ok) {
            throw new ConfigException("config key '" + key + "' in " + origin + " expects " + describe(existing)
                    + ", got " + kind(value) + " " + value);
        }
        return value;
    }

    private static <T> T bind(Class<T> type, JsonNode tree) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException("invalid config: " + cause.getMessage(), cause);
        } catch (JsonProcessingException e) {
            throw new ConfigException("invalid config: " + e.getOriginalMessage(), e);
        }
    }

    private static ConfigException unknownKey(String key, JsonNode parent, String prefix, String origin) {
        String where = prefix.isEmpty() ? "at the top level" : "under '" + prefix + "'";
        return new ConfigException("unknown config key '" + key + "' (from " + origin + "); valid keys " + where + ": "
                + String.join(", ", fieldNames(parent)));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String describe(JsonNode existing) {
        if (existing.isIntegralNumber()) {
            return "an integer";
        }
        if (existing.isNumber()) {
            return "a number";
        }
        if (existing.isTextual()) {
            return "a string";
        }
        if (existing.isBoolean()) {
            return "a boolean (true/false)";
        }
        return kind(existing);
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "a mapping";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a number";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase();
        };
    }
}
