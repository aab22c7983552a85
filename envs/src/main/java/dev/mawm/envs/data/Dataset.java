package dev.mawm.envs.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A dataset file read into memory: its header and one {@link Column} per field. Reading checks
 * the magic, the version, the header's consistency, the exact file size (a truncated or padded
 * file is refused) and every field's CRC-32, and refuses with an {@link IllegalArgumentException}
 * that names the file and the reason.
 *
 * <pre>
 * Dataset ds = Dataset.read(path).requireEnv("cartpole");
 * float[] obs = ds.column(DatasetSchema.OBS).floats();   // [rows, 4]
 * int[] episode = ds.column(DatasetSchema.EPISODE).ints(); // [rows]
 * </pre>
 */
public final class Dataset {
    private final Path source;
    private final DatasetHeader header;
    private final Map<String, Column> columns;
    private final String sha256;

    private Dataset(Path source, DatasetHeader header, Map<String, Column> columns, String sha256) {
        this.source = source;
        this.header = header;
        this.columns = columns;
        this.sha256 = sha256;
    }

    /**
     * Reads a whole dataset.
     *
     * @param file the dataset file
     * @return the dataset
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not a valid dataset of this format version
     */
    public static Dataset read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest sha = sha256Digest();
            Head head = readHead(file, ch);
            sha.update(head.preamble());
            sha.update(head.json());
            DatasetFormat.Parsed parsed = head.parsed();
            long dataStart = DatasetFormat.PREAMBLE + (long) head.json().length;
            Map<String, Column> cols = new LinkedHashMap<>();
            int rows = (int) parsed.header().rows();
            // Fields are contiguous (each at align8 of the previous end), so reading each field and
            // then its zero padding reads every byte after the header once, in order; readHead has
            // checked the file ends exactly there, so the digest is the whole file's SHA-256.
            ByteBuffer pad = ByteBuffer.allocate(8);
            for (DatasetFormat.Layout l : parsed.layouts()) {
                if (l.bytes() > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("dataset " + file + ": field '" + l.spec().name() + "' has " + l.bytes()
                            + " bytes, more than this reader holds in one array; split the collection");
                }
                ByteBuffer buf = ByteBuffer.allocate((int) l.bytes()).order(ByteOrder.LITTLE_ENDIAN);
                long end = dataStart + l.offset() + l.bytes();
                readFully(file, ch, buf, dataStart + l.offset());
                buf.flip();
                sha.update(buf.array(), 0, buf.limit());
                pad.clear().limit((int) (DatasetFormat.align8(l.offset() + l.bytes()) - (l.offset() + l.bytes())));
                readFully(file, ch, pad, end);
                sha.update(pad.array(), 0, pad.limit());
                CRC32 crc = new CRC32();
                crc.update(buf.duplicate());
                if (crc.getValue() != l.crc32()) {
                    throw new IllegalArgumentException("dataset " + file + ": field '" + l.spec().name() + "' is corrupt (CRC-32 "
                            + Long.toHexString(crc.getValue()) + ", header says " + Long.toHexString(l.crc32()) + ")");
                }
                cols.put(l.spec().name(), new Column(l.spec(), decode(l.spec().dtype(), buf), rows));
            }
            return new Dataset(file, parsed.header(), cols, HexFormat.of().formatHex(sha.digest()));
        }
    }

    /**
     * Reads and checks only the header (and the file size it implies).
     *
     * @param file the dataset file
     * @return the header
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not a valid dataset
     */
    public static DatasetHeader readHeader(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return readHead(file, ch).parsed().header();
        }
    }

    /** The checked preamble, the header bytes and their parse. */
    private record Head(byte[] preamble, byte[] json, DatasetFormat.Parsed parsed) {
    }

    private static Head readHead(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < DatasetFormat.PREAMBLE) {
            throw new IllegalArgumentException("dataset " + file + " is truncated: " + size + " bytes, a dataset starts with "
                    + DatasetFormat.PREAMBLE + " bytes of magic, version and header length");
        }
        ByteBuffer pre = ByteBuffer.allocate(DatasetFormat.PREAMBLE).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, ch, pre, 0);
        byte[] magic = Arrays.copyOf(pre.array(), DatasetFormat.MAGIC.length);
        if (!Arrays.equals(magic, DatasetFormat.MAGIC)) {
            throw new IllegalArgumentException("dataset " + file + " is not a mawm dataset: magic bytes are '"
                    + new String(magic, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "?") + "', expected 'MAWMDSET'");
        }
        int version = pre.getInt(8);
        if (version != DatasetFormat.VERSION) {
            throw new IllegalArgumentException("dataset " + file + " has format version " + Integer.toUnsignedString(version)
                    + "; this reader supports version " + DatasetFormat.VERSION);
        }
        int headerLen = pre.getInt(12);
        if (headerLen <= 0 || headerLen > DatasetFormat.MAX_HEADER) {
            throw new IllegalArgumentException("dataset " + file + ": header length " + Integer.toUnsignedString(headerLen)
                    + " is outside 1.." + DatasetFormat.MAX_HEADER);
        }
        if (size < DatasetFormat.PREAMBLE + (long) headerLen) {
            throw new IllegalArgumentException("dataset " + file + " is truncated: " + size + " bytes, the header alone needs "
                    + (DatasetFormat.PREAMBLE + (long) headerLen));
        }
        ByteBuffer json = ByteBuffer.allocate(headerLen);
        readFully(file, ch, json, DatasetFormat.PREAMBLE);
        DatasetFormat.Parsed parsed = DatasetFormat.parseHeader(file.toString(), json.array());
        if (parsed.header().version() != DatasetFormat.VERSION) {
            throw new IllegalArgumentException("dataset " + file + ": header version " + parsed.header().version()
                    + " disagrees with the file's version " + version);
        }
        long expected = DatasetFormat.PREAMBLE + (long) headerLen + parsed.dataBytes();
        if (size < expected) {
            throw new IllegalArgumentException("dataset " + file + " is truncated: " + size + " bytes, the header promises " + expected);
        }
        if (size > expected) {
            throw new IllegalArgumentException("dataset " + file + " has " + (size - expected) + " unexpected trailing bytes (expected "
                    + expected + " bytes in all)");
        }
        return new Head(pre.array(), json.array(), parsed);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void readFully(Path file, FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IllegalArgumentException("dataset " + file + " is truncated at byte " + pos);
            }
            pos += n;
        }
    }

    private static Object decode(DType dtype, ByteBuffer buf) {
        switch (dtype) {
            case U8 -> {
                return buf.array();
            }
            case I32 -> {
                int[] a = new int[buf.remaining() / 4];
                buf.asIntBuffer().get(a);
                return a;
            }
            default -> {
                float[] a = new float[buf.remaining() / 4];
                buf.asFloatBuffer().get(a);
                return a;
            }
        }
    }

    /**
     * Refuses a dataset of another environment.
     *
     * @param env the expected environment name ({@code grid2} or {@code cartpole})
     * @return this dataset
     * @throws IllegalArgumentException when the header names another environment
     */
    public Dataset requireEnv(String env) {
        if (!header.env().equals(env)) {
            throw new IllegalArgumentException("dataset " + source + " holds env '" + header.env() + "', expected '" + env + "'");
        }
        return this;
    }

    /** @return the header */
    public DatasetHeader header() {
        return header;
    }

    /**
     * The file's SHA-256, computed from the bytes {@link #read} read (which are the whole file, each
     * byte once): equal to {@code Sha256.of(source())} without a second pass over the file.
     *
     * @return the SHA-256 of the whole file, lower-case hex
     */
    public String sha256() {
        return sha256;
    }

    /** @return the file this dataset was read from */
    public Path source() {
        return source;
    }

    /**
     * @param name a field name (see {@link DatasetSchema})
     * @return its column
     * @throws IllegalArgumentException for an unknown field
     */
    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("dataset " + source + " has no field '" + name + "'; fields are " + columns.keySet());
        }
        return c;
    }

    /**
     * Row ranges of the episodes, from the {@code episode} column.
     *
     * @return {@code episodes + 1} row offsets: episode e spans rows {@code [starts[e], starts[e+1])}
     * @throws IllegalArgumentException when the {@code episode} column is not 0, 0, …, 1, 1, … in order
     */
    public int[] episodeStarts() {
        int[] ep = column(DatasetSchema.EPISODE).ints();
        int episodes = (int) header.episodes();
        int[] starts = new int[episodes + 1];
        int e = 0;
        for (int r = 0; r < ep.length; r++) {
            if (r == 0 || ep[r] != ep[r - 1]) {
                if (ep[r] != e) {
                    throw new IllegalArgumentException("dataset " + source + ": episode ids must count up from 0; row " + r
                            + " has episode " + ep[r] + ", expected " + e);
                }
                starts[e++] = r;
            }
        }
        if (e != episodes) {
            throw new IllegalArgumentException("dataset " + source + ": header says " + episodes + " episodes, the episode column has " + e);
        }
        starts[episodes] = ep.length;
        return starts;
    }
}

