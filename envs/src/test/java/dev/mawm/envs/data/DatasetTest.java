package dev.mawm.envs.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.models.config.CartPoleConfig;
import dev.mawm.models.io.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.of("episode", DType.I32),
            FieldSpec.of("img", DType.U8, 3, 5),
            FieldSpec.of("val", DType.F32, 3),
            FieldSpec.of("flag", DType.U8));
    private static final float[] SPECIAL = {Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffa00000), -0.0f,
        Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY};

    @TempDir
    Path dir;

    record Data(int[] episode, byte[] img, float[] val, byte[] flag) {
    }

    private static Data randomData(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] ep = new int[rows];
        byte[] img = new byte[rows * 15];
        float[] val = new float[rows * 3];
        byte[] flag = new byte[rows];
        for (int r = 0; r < rows; r++) {
            ep[r] = r / 4;
        }
        for (int i = 0; i < img.length; i++) {
            img[i] = (byte) rng.nextInt(256);
        }
        for (int i = 0; i < val.length; i++) {
            val[i] = i < SPECIAL.length ? SPECIAL[i] : Float.intBitsToFloat(rng.nextInt());
        }
        for (int i = 0; i < flag.length; i++) {
            flag[i] = (byte) (i % 4 == 3 ? 1 : 0);
        }
        return new Data(ep, img, val, flag);
    }

    private Path write(String name, String env, Data d) throws IOException {
        Path file = dir.resolve(name);
        ObjectNode cfg = new ObjectMapper().valueToTree(CartPoleConfig.defaults());
        try (DatasetWriter w = DatasetWriter.create(file, env, cfg, 42, "random", FIELDS)) {
            int rows = d.episode().length;
            for (int r = 0; r < rows; r++) {
                w.put(0, new int[] {d.episode()[r]});
                w.put(1, Arrays.copyOfRange(d.img(), r * 15, r * 15 + 15));
                w.put(2, Arrays.copyOfRange(d.val(), r * 3, r * 3 + 3));
                w.put(3, new byte[] {d.flag()[r]});
                w.endRow();
                if (r == rows - 1 || d.episode()[r + 1] != d.episode()[r]) {
                    w.endEpisode();
                }
            }
            w.commit();
        }
        return file;
    }

    @Test
    void roundTripIsBitExact() throws IOException {
        Data d = randomData(4 * 3000, 1); // 12000 rows: several spool buffer flushes per field
        Path file = write("d.bin", "cartpole", d);
        Dataset ds = Dataset.read(file).requireEnv("cartpole");
        DatasetHeader h = ds.header();
        assertEquals(12000, h.rows());
        assertEquals(3000, h.episodes());
        assertEquals(9000, h.transitions());
        assertEquals(42, h.seed());
        assertEquals("random", h.policy());
        assertEquals(CartPoleConfig.defaults(), h.envConfig(CartPoleConfig.class));
        assertEquals(FIELDS, h.fields());
        assertArrayEquals(d.episode(), ds.column("episode").ints());
        assertArrayEquals(d.img(), ds.column("img").bytes());
        assertArrayEquals(d.flag(), ds.column("flag").bytes());
        float[] val = ds.column("val").floats();
        assertEquals(d.val().length, val.length);
        for (int i = 0; i < val.length; i++) {
            assertEquals(Float.floatToRawIntBits(d.val()[i]), Float.floatToRawIntBits(val[i]), "value " + i);
        }
        int[] starts = ds.episodeStarts();
        assertEquals(3001, starts.length);
        assertEquals(8, starts[2]);
        assertEquals(12000, starts[3000]);
        assertEquals(h, Dataset.readHeader(file));
        // the file is exactly preamble + header + 8-byte-aligned fields
        long data = 12000L * 4 + align(12000L * 15) + align(12000L * 12) + align(12000L);
        long headerLen = ByteBuffer.wrap(Files.readAllBytes(file), 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertEquals(16 + headerLen + data, Files.size(file));
        assertEquals(0, (16 + headerLen) % 8);
    }

    @Test
    void sha256IsTheWholeFilesDigest() throws IOException {
        // 41 rows: the img (615 bytes) and flag (41 bytes) fields are followed by padding
        Path file = write("h.bin", "grid2", randomData(41, 9));
        assertEquals(Sha256.of(file), Dataset.read(file).sha256());
        // the loader does not check the padding's content, yet the digest still covers it
        byte[] all = Files.readAllBytes(file);
        all[all.length - 1] = 0x5a;
        Path padded = dir.resolve("padded");
        Files.write(padded, all);
        assertEquals(Sha256.of(padded), Dataset.read(padded).sha256());
        assertTrue(!Sha256.of(padded).equals(Sha256.of(file)));
    }

    private static long align(long n) {
        return (n + 7) / 8 * 8;
    }

    @Test
    void bufferLoadedFromADatasetSamplesWithinEpisodes() throws IOException {
        Data d = randomData(40, 2);
        Dataset ds = Dataset.read(write("b.bin", "cartpole", d));
        RingBuffer buf = RingBuffer.of(ds, 3);
        assertEquals(40, buf.size());
        SequenceBatch b = buf.sample(20, 4);
        for (int i = 0; i < 20; i++) {
            assertEquals(4, b.length(i));
            assertEquals(b.index(i, 0) / 4, b.episodeId(i), "every episode has 4 rows, so a full window is one whole episode");
            assertEquals(0, b.index(i, 0) % 4);
        }
    }

    @Test
    void bufferOfChosenEpisodesAndFields() throws IOException {
        Dataset ds = Dataset.read(write("s.bin", "cartpole", randomData(40, 7)));
        RingBuffer buf = RingBuffer.of(ds, List.of("val"), new int[] {7, 2}, 1);
        assertEquals(8, buf.size());
        assertEquals(List.of(FIELDS.get(2)), buf.fields());
        assertEquals(2, buf.episodeRuns());
        SequenceBatch b = buf.sample(10, 4);
        float[] val = ds.column("val").floats();
        for (int i = 0; i < 10; i++) {
            assertTrue(b.episodeId(i) == 7 || b.episodeId(i) == 2);
            int firstRow = (int) b.episodeId(i) * 4;
            for (int k = 0; k < 12; k++) {
                assertEquals(Float.floatToRawIntBits(val[firstRow * 3 + k]), Float.floatToRawIntBits(b.floats("val")[i * 12 + k]));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> RingBuffer.of(ds, List.of("val"), new int[] {10}, 1));
        assertThrows(IllegalArgumentException.class, () -> RingBuffer.of(ds, List.of("nope"), new int[] {0}, 1));
    }

    @Test
    void truncatedFilesAreRefused() throws IOException {
        Path file = write("t.bin", "grid2", randomData(40, 3));
        byte[] all = Files.readAllBytes(file);
        for (int cut : new int[] {0, 10, 20, all.length / 2, all.length - 1}) {
            Path t = dir.resolve("cut" + cut);
            Files.write(t, Arrays.copyOf(all, cut));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dataset.read(t));
            assertTrue(e.getMessage().contains("truncated"), cut + ": " + e.getMessage());
        }
        Path longer = dir.resolve("longer");
        Files.write(longer, Arrays.copyOf(all, all.length + 3));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dataset.read(longer)).getMessage().contains("trailing bytes"));
    }

    @Test
    void badMagicVersionAndChecksumAreRefused() throws IOException {
        Path file = write("m.bin", "grid2", randomData(40, 4));
        byte[] all = Files.readAllBytes(file);

        byte[] magic = all.clone();
        magic[0] = 'X';
        Path m = dir.resolve("magic");
        Files.write(m, magic);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dataset.read(m)).getMessage().contains("not a mawm dataset"));

        byte[] version = all.clone();
        version[8] = 2;
        Path v = dir.resolve("version");
        Files.write(v, version);
        String msg = assertThrows(IllegalArgumentException.class, () -> Dataset.read(v)).getMessage();
        assertTrue(msg.contains("format version 2") && msg.contains("supports version 1"), msg);

        byte[] flipped = all.clone();
        flipped[all.length - 20] ^= 0x10;
        Path f = dir.resolve("flipped");
        Files.write(f, flipped);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dataset.read(f)).getMessage().contains("corrupt"));

        byte[] json = all.clone();
        json[16] = '[';
        Path j = dir.resolve("json");
        Files.write(j, json);
        assertThrows(IllegalArgumentException.class, () -> Dataset.read(j));
    }

    /** The file with its header text edited in place (same length, so the layout stays valid). */
    private Path withHeaderEdit(Path file, String name, String from, String to) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int len = ByteBuffer.wrap(all, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        String header = new String(all, 16, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(header.contains(from), header);
        String edited = header.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        byte[] e = edited.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(len, e.length, "edit must keep the header length");
        System.arraycopy(e, 0, all, 16, len);
        Path out = dir.resolve(name);
        Files.write(out, all);
        return out;
    }

    @Test
    void unknownMissingAndDuplicateHeaderKeysAreRefusedByName() throws IOException {
        Path file = write("h.bin", "grid2", randomData(12, 6));
        Path seeN = withHeaderEdit(file, "seeN", "\"seed\"", "\"seeN\"");
        String msg = assertThrows(IllegalArgumentException.class, () -> Dataset.read(seeN)).getMessage();
        assertTrue(msg.startsWith("dataset " + seeN + ": header has unknown key 'seeN'; expected exactly [format, version,"), msg);

        Path crc = withHeaderEdit(file, "crc", "\"crc32\"", "\"crc3x\"");
        msg = assertThrows(IllegalArgumentException.class, () -> Dataset.read(crc)).getMessage();
        assertTrue(msg.contains("field \"episode\" has unknown key 'crc3x'"), msg);

        Path dup = withHeaderEdit(file, "dup", "\"policy\":\"random\"", "\"env\":\"abcdefghi\"");
        msg = assertThrows(IllegalArgumentException.class, () -> Dataset.read(dup)).getMessage();
        assertTrue(msg.contains("Duplicate field 'env'"), msg);

        Path policy = withHeaderEdit(file, "policy", "\"policy\":\"random\"", "\"policy\":12345678");
        msg = assertThrows(IllegalArgumentException.class, () -> Dataset.read(policy)).getMessage();
        assertTrue(msg.contains("header key 'policy' must be a string"), msg);
    }

    @Test
    void anUncreatableTargetSaysWhatFailed() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
        Path target = blocker.resolve("x.bin");
        ObjectNode cfg = new ObjectMapper().valueToTree(CartPoleConfig.defaults());
        IOException e = assertThrows(IOException.class, () -> DatasetWriter.create(target, "grid2", cfg, 1, "random", FIELDS));
        assertTrue(e.getMessage().startsWith("cannot write dataset " + target.toAbsolutePath() + ": cannot create its directory "
                + blocker.toAbsolutePath() + " ("), e.getMessage());
        Path proc = Path.of("/proc");
        if (Files.isDirectory(proc) && !Files.isRegularFile(proc.resolve("x.bin"))) {
            e = assertThrows(IOException.class, () -> DatasetWriter.create(proc.resolve("x.bin"), "grid2", cfg, 1, "random", FIELDS));
            assertTrue(e.getMessage().startsWith("cannot write dataset /proc/x.bin: cannot create a temporary file in /proc ("),
                    e.getMessage());
        }
    }

    @Test
    void datasetOfAnotherEnvIsRefused() throws IOException {
        Dataset ds = Dataset.read(write("g.bin", "grid2", randomData(8, 5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ds.requireEnv("cartpole"));
        assertTrue(e.getMessage().contains("holds env 'grid2', expected 'cartpole'"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ds.column("nope")).getMessage().contains("no field 'nope'"));
        assertThrows(IllegalArgumentException.class, () -> ds.column("val").ints());
    }

    @Test
    void anAbandonedWriteLeavesThePreviousFileIntact() throws IOException {
        Path file = write("keep.bin", "cartpole", randomData(8, 6));
        byte[] before = Files.readAllBytes(file);
        try (DatasetWriter w = DatasetWriter.create(file, "cartpole", null, 0, "random", FIELDS)) {
            w.put(0, new int[] {0});
            w.put(1, new byte[15]);
            assertThrows(IllegalStateException.class, w::endRow, "missing fields");
            assertThrows(IllegalArgumentException.class, () -> w.put(2, new float[2]));
            assertThrows(IllegalStateException.class, () -> w.put(0, new int[] {1}), "field written twice");
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("keep.bin"), files.map(p -> p.getFileName().toString()).toList(), "no temporaries left behind");
        }
    }
}
