package dev.mawm.models.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.io.Safetensors;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    @Test
    void savesAndLoadsEveryField() {
        Checkpoint ck = TestSpecs.checkpoint(TestSpecs.mlp(), 3);
        ck.save(dir);
        Checkpoint back = Checkpoint.load(dir);
        assertEquals(ck.spec().params(), back.spec().params());
        assertEquals(ck.spec().network(), back.spec().network());
        assertEquals(ck.spec().normalization(), back.spec().normalization());
        assertEquals(ck.spec().datasetSha256(), back.spec().datasetSha256());
        assertEquals(List.copyOf(ck.tensors().keySet()), List.copyOf(back.tensors().keySet()));
        ck.tensors().forEach((k, v) -> assertTrue(v.contentEquals(back.tensor(k)), k));
        assertEquals(TestSpecs.mlpConfig(), back.spec().networkAs(MlpConfig.class));
        MlpEnsemble net = (MlpEnsemble) Networks.create(back.spec());
        assertEquals(2, net.size());
        assertEquals("mlp", Safetensors.readContents(dir.resolve(Checkpoint.WEIGHTS_FILE)).metadata().get("family"));
    }

    @Test
    void refusesMissingOrCorruptFiles() throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(dir));
        assertTrue(missing.getMessage().contains("spec.json is missing"), missing.getMessage());

        TestSpecs.checkpoint(TestSpecs.mlp(), 1).save(dir);
        Path w = dir.resolve(Checkpoint.WEIGHTS_FILE);
        byte[] bytes = Files.readAllBytes(w);
        Files.write(w, Arrays.copyOf(bytes, bytes.length - 10));
        IllegalArgumentException corrupt = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(dir));
        assertTrue(corrupt.getMessage().contains(w.toString()) && corrupt.getMessage().contains("out of range"), corrupt.getMessage());

        Files.writeString(dir.resolve(Checkpoint.SPEC_FILE), "{\"formatVersion\": 1, \"family\": ");
        IllegalArgumentException badJson = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(dir));
        assertTrue(badJson.getMessage().contains("spec.json: invalid spec"), badJson.getMessage());
    }

    @Test
    void refusesWeightsFromAnotherSave() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        TestSpecs.checkpoint(TestSpecs.mlp(), 1).save(a);
        TestSpecs.checkpoint(TestSpecs.gru(), 1).save(b);
        Files.copy(b.resolve(Checkpoint.WEIGHTS_FILE), a.resolve(Checkpoint.WEIGHTS_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(a));
        assertTrue(e.getMessage().contains("spec_sha256 mismatch"), e.getMessage());
    }

    @Test
    void tensorsMustMatchTheSpec() {
        Checkpoint ck = TestSpecs.checkpoint(TestSpecs.mlp(), 1);
        Map<String, FloatTensor> t = new LinkedHashMap<>(ck.tensors());
        String first = ck.spec().params().get(0).name();
        t.put(first, FloatTensor.zeros(1, 1));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> new Checkpoint(ck.spec(), t));
        assertTrue(shape.getMessage().contains(first), shape.getMessage());
        t.remove(first);
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(ck.spec(), t));
        Map<String, FloatTensor> extra = new LinkedHashMap<>(ck.tensors());
        extra.put("stray", FloatTensor.scalar(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Checkpoint(ck.spec(), extra));
        assertTrue(e.getMessage().contains("stray"), e.getMessage());
    }

    @Test
    void networksRefuseASpecWithOtherParams() {
        ModelSpec good = TestSpecs.spec(TestSpecs.mlp());
        List<ParamShape> params = new java.util.ArrayList<>(good.params());
        params.set(0, new ParamShape(params.get(0).name(), new long[] {5, 16}));
        ModelSpec bad = new ModelSpec(1, "mlp", "cartpole", 4, 2, good.network(), good.normalization(), params, "", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Networks.create(bad));
        assertTrue(e.getMessage().contains("m0.encoder.l0.weight"), e.getMessage());
        ModelSpec unknown = new ModelSpec(1, "dreamer", "cartpole", 4, 2, good.network(), good.normalization(), good.params(), "", null);
        assertThrows(IllegalArgumentException.class, () -> Networks.create(unknown));
    }

    @Test
    void aFlippedWeightByteIsRefusedNamingTheParameter() throws Exception {
        Checkpoint ck = TestSpecs.checkpoint(TestSpecs.mlp(), 5);
        ck.save(dir);
        Path w = dir.resolve(Checkpoint.WEIGHTS_FILE);
        byte[] bytes = Files.readAllBytes(w);
        bytes[bytes.length - 2] ^= 0x7c;   // the last float's exponent: a weight becomes huge
        Files.write(w, bytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(dir));
        String last = ck.spec().params().get(ck.spec().params().size() - 1).name();
        assertTrue(e.getMessage().startsWith(w + " does not match spec.json: parameter '" + last + "' has CRC-32 "),
                e.getMessage());
        assertTrue(e.getMessage().contains("(the weights were modified or corrupted after training)"), e.getMessage());
    }

    @Test
    void aSpecWithoutChecksumsIsRefused() throws Exception {
        TestSpecs.checkpoint(TestSpecs.mlp(), 1).save(dir);
        Path spec = dir.resolve(Checkpoint.SPEC_FILE);
        String text = Files.readString(spec);
        Files.writeString(spec, text.replaceFirst("(?s)\"weightsCrc32\" : \\{.*?}", "\"weightsCrc32\" : null"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(dir));
        assertTrue(e.getMessage().startsWith(spec + ": weightsCrc32 is null"), e.getMessage());
        Files.writeString(spec, text.replaceFirst("(?s),\\s*\"weightsCrc32\" : \\{.*?}", ""));
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(dir));
        assertTrue(e.getMessage().contains("weightsCrc32"), e.getMessage());
    }

    @Test
    void duplicateSpecKeysAreRefused() throws Exception {
        TestSpecs.checkpoint(TestSpecs.mlp(), 1).save(dir);
        Path spec = dir.resolve(Checkpoint.SPEC_FILE);
        Files.writeString(spec, Files.readString(spec).replaceFirst("\"obsDim\" : 4,", "\"obsDim\" : 4, \"obsDim\" : 5,"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(dir));
        assertTrue(e.getMessage().contains("spec.json: invalid spec") && e.getMessage().contains("Duplicate field 'obsDim'"),
                e.getMessage());
    }
}
