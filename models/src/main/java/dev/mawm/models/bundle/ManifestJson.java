package dev.mawm.models.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Jackson binding of {@link BundleManifest}: strict reading, pretty atomic writing. */
final class ManifestJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ManifestJson() {
    }

    static BundleManifest read(Path file) {
        Path f = Files.isDirectory(file) ? file.resolve(BundleManifest.FILE_NAME) : file;
        if (!Files.isRegularFile(f)) {
            throw new BundleException(BundleRule.MANIFEST_MISSING, f + ": manifest not found; expected a " + BundleManifest.FILE_NAME
                    + " file in the bundle directory");
        }
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new BundleException(BundleRule.MANIFEST_JSON, f + ": cannot read the manifest as UTF-8 text: " + e.getMessage(), e);
        }
        return parse(text, f.toString());
    }

    static BundleManifest parse(String json, String source) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BundleException(BundleRule.MANIFEST_JSON, source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new BundleException(BundleRule.MANIFEST_JSON, source + ": expected a JSON object at the top level");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.isIntegralNumber()) {
            throw new BundleException(BundleRule.MANIFEST_VERSION, source + ": expected an integer field \"formatVersion\" (this library reads "
                    + BundleManifest.FORMAT_VERSION + "), got " + version);
        }
        if (version.asLong() != BundleManifest.FORMAT_VERSION) {
            throw new BundleException(BundleRule.MANIFEST_VERSION, source + ": formatVersion " + version + " is not supported; this library "
                    + "reads formatVersion " + BundleManifest.FORMAT_VERSION);
        }
        try {
            return JSON.treeToValue(tree, BundleManifest.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BundleException(BundleRule.MANIFEST_SCHEMA, source + ": invalid manifest at " + where(e) + ": " + cause.getMessage(), e);
        } catch (JsonMappingException e) {
            throw new BundleException(BundleRule.MANIFEST_SCHEMA, source + ": invalid manifest at " + where(e) + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new BundleException(BundleRule.MANIFEST_SCHEMA, source + ": invalid manifest: " + e.getOriginalMessage(), e);
        }
    }

    static String toJson(BundleManifest manifest) {
        try {
            return JSON.writeValueAsString(manifest) + "\n";
        } catch (JsonProcessingException e) {
            throw new BundleException("cannot render manifest '" + manifest.name() + "' as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    static void write(BundleManifest manifest, Path file) {
        byte[] bytes = toJson(manifest).getBytes(StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new BundleException(file + ": cannot write the manifest: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and never read
                }
            }
        }
    }

    private static String where(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "the top level" : sb.toString();
    }
}
