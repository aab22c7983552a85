package dev.mawm.models.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mawm.models.io.AtomicWrite;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.io.Safetensors;
import dev.mawm.models.io.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * A trained model on disk: a directory with {@value #SPEC_FILE} ({@link ModelSpec}) and
 * {@value #WEIGHTS_FILE} (every parameter by its stable name, float32, standard safetensors).
 * Readable without TensorFlow. Other files in the directory (metrics, plots, the trainer's resume
 * state) are not part of the checkpoint.
 *
 * <p>The weights file's {@code __metadata__} holds {@code format} ({@value #FORMAT}), {@code family}
 * and {@code spec_sha256}, the SHA-256 of the {@code spec.json} bytes saved with it, so a weights file
 * paired with another save's spec is refused.
 *
 * @param spec the model spec
 * @param tensors every parameter of {@code spec.params()}, in that order, with those shapes, and nothing else
 */
public record Checkpoint(ModelSpec spec, Map<String, FloatTensor> tensors) {
    /** The spec file name. */
    public static final String SPEC_FILE = "spec.json";
    /** The weights file name. */
    public static final String WEIGHTS_FILE = "weights.safetensors";
    /**
     * The training metrics file {@code mawm train} writes next to the checkpoint (a JSON object, e.g.
     * {@code {"steps": 20000, "losses": {...}}}); optional, the exporter records it as {@code provenance.training}.
     */
    public static final String METRICS_FILE = "metrics.json";
    /** The {@code format} metadata value. */
    public static final String FORMAT = "mawm-checkpoint-1";
    /** Metadata key of the spec hash. */
    public static final String META_SPEC_SHA256 = "spec_sha256";

    /** Checks the tensors against the spec's parameter list; keeps them in spec order, unmodifiable. */
    public Checkpoint {
        if (spec == null || tensors == null) {
            throw new IllegalArgumentException("checkpoint needs a spec and tensors");
        }
        Map<String, FloatTensor> ordered = new LinkedHashMap<>();
        for (ParamShape p : spec.params()) {
            FloatTensor t = tensors.get(p.name());
            if (t == null) {
                throw new IllegalArgumentException("checkpoint has no tensor for parameter '" + p.name() + "' " + Arrays.toString(p.shape()));
            }
            if (!Arrays.equals(t.shape(), p.shape())) {
                throw new IllegalArgumentException("checkpoint tensor '" + p.name() + "' has shape " + Arrays.toString(t.shape())
                        + ", the spec says " + Arrays.toString(p.shape()));
            }
            ordered.put(p.name(), t);
            Long recorded = spec.weightsCrc32() == null ? null : spec.weightsCrc32().get(p.name());
            if (recorded != null && recorded != crc32(t)) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' has CRC-32 " + crc32(t) + ", " + SPEC_FILE
                        + " records " + recorded + " (the weights were modified or corrupted after training)");
            }
        }
        if (ordered.size() != tensors.size()) {
            Set<String> extra = new TreeSet<>(tensors.keySet());
            extra.removeAll(ordered.keySet());
            throw new IllegalArgumentException("checkpoint has tensors the spec does not declare: " + extra);
        }
        tensors = Collections.unmodifiableMap(ordered);
    }

    /**
     * @param t a tensor
     * @return the CRC-32 (zip polynomial) of its values as little-endian float32 bytes
     */
    public static long crc32(FloatTensor t) {
        float[] v = t.data();
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        CRC32 crc = new CRC32();
        crc.update(b.array());
        return crc.getValue();
    }

    /**
     * @param name a parameter name
     * @return its tensor
     * @throws IllegalArgumentException when there is none
     */
    public FloatTensor tensor(String name) {
        FloatTensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("checkpoint has no parameter '" + name + "'");
        }
        return t;
    }

    /**
     * Loads and validates a checkpoint directory.
     *
     * @param dir the directory
     * @return the checkpoint
     * @throws IllegalArgumentException naming the file and the fault (missing file, bad JSON, duplicate keys,
     *     corrupt weights, weights not matching the spec or its checksums)
     * @throws UncheckedIOException when a file cannot be read
     */
    public static Checkpoint load(Path dir) {
        Path specFile = dir.resolve(SPEC_FILE);
        Path weightsFile = dir.resolve(WEIGHTS_FILE);
        for (Path f : new Path[] {specFile, weightsFile}) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("not a checkpoint directory: " + f + " is missing");
            }
        }
        byte[] specBytes;
        try {
            specBytes = Files.readAllBytes(specFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + specFile + ": " + e.getMessage(), e);
        }
        ModelSpec spec = parseSpec(specBytes, specFile.toString());
        if (spec.weightsCrc32() == null) {
            throw new IllegalArgumentException(specFile + ": weightsCrc32 is null; a checkpoint records the CRC-32 of every "
                    + "parameter (written by a trainer from before checksums: train it again)");
        }
        Safetensors.Contents contents = Safetensors.readContents(weightsFile);
        String stored = contents.metadata().get(META_SPEC_SHA256);
        if (stored != null && !stored.equals(Sha256.hex(specBytes))) {
            throw new IllegalArgumentException(weightsFile + " was saved with a different " + SPEC_FILE
                    + " (spec_sha256 mismatch): the checkpoint directory is inconsistent");
        }
        try {
            return new Checkpoint(spec, contents.tensors());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(weightsFile + " does not match " + SPEC_FILE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads only the spec of a checkpoint directory.
     *
     * @param dir the directory
     * @return its spec
     */
    public static ModelSpec readSpec(Path dir) {
        Path specFile = dir.resolve(SPEC_FILE);
        try {
            return parseSpec(Files.readAllBytes(specFile), specFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + specFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@value #WEIGHTS_FILE} then {@value #SPEC_FILE} (with the CRC-32 of every parameter,
     * {@link ModelSpec#weightsCrc32}) into {@code dir} (created when missing), each atomically; other files in
     * the directory are left alone.
     *
     * @param dir the directory
     */
    public void save(Path dir) {
        Map<String, Long> crc = new LinkedHashMap<>();
        tensors.forEach((name, t) -> crc.put(name, crc32(t)));
        byte[] specBytes = specJson(spec.withWeightsCrc32(crc));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("family", spec.family());
        meta.put(META_SPEC_SHA256, Sha256.hex(specBytes));
        Safetensors.write(dir.resolve(WEIGHTS_FILE), tensors, meta);
        AtomicWrite.write(dir.resolve(SPEC_FILE), specBytes);
    }

    /**
     * @param spec a spec
     * @return its {@code spec.json} bytes (indented UTF-8 JSON)
     */
    public static byte[] specJson(ModelSpec spec) {
        try {
            return SpecJson.MAPPER.writeValueAsBytes(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write spec JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param bytes {@code spec.json} content
     * @param source the file name for messages
     * @return the validated spec
     */
    public static ModelSpec parseSpec(byte[] bytes, String source) {
        try {
            return SpecJson.MAPPER.readValue(bytes, ModelSpec.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String msg = e instanceof JsonProcessingException jpe && cause == e ? jpe.getOriginalMessage() : cause.getMessage();
            throw new IllegalArgumentException(source + ": invalid spec: " + msg, e);
        }
    }
}
