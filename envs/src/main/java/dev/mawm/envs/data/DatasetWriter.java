package dev.mawm.envs.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mawm.envs.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Streams a dataset to disk row by row. Each field is spooled to its own temporary file next to
 * the target while collecting (memory stays constant); {@link #commit()} writes the header, copies
 * the spools into a temporary file and renames it over the target atomically. Closing without
 * committing deletes the temporaries and leaves any previous target untouched.
 *
 * <pre>
 * try (DatasetWriter w = DatasetWriter.create(path, "cartpole", configJson, seed, "random", DatasetSchema.cartpole())) {
 *     w.put(0, new int[] {episode}); ... one put per field ...; w.endRow();
 *     w.endEpisode();
 *     w.commit();
 * }
 * </pre>
 */
public final class DatasetWriter implements AutoCloseable {
    private final Path target;
    private final Path spoolDir;
    private final String env;
    private final JsonNode envConfig;
    private final long seed;
    private final String policy;
    private final String scenario;
    private final List<FieldSpec> fields;
    private final Spool[] spools;
    private final boolean[] putThisRow;
    private long rows;
    private long episodes;
    private long rowsAtEpisodeEnd;
    private boolean finished;

    private DatasetWriter(Path target, String env, JsonNode envConfig, long seed, String policy, String scenario, List<FieldSpec> fields)
            throws IOException {
        this.target = target;
        this.env = env;
        this.envConfig = envConfig;
        this.seed = seed;
        this.policy = policy;
        this.scenario = scenario;
        this.fields = List.copyOf(fields);
        Path abs = target.toAbsolutePath();
        this.spoolDir = SpoolDirectory.create(abs);
        this.spools = new Spool[fields.size()];
        this.putThisRow = new boolean[fields.size()];
        try {
            for (int i = 0; i < spools.length; i++) {
                spools[i] = new Spool(spoolDir.resolve(i + ".bin"));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /**
     * Opens a writer.
     *
     * @param target    the dataset file to create or replace on {@link #commit()}
     * @param env       environment name written to the header
     * @param envConfig environment config (JSON object) written to the header
     * @param seed      collection seed
     * @param policy    behaviour policy string
     * @param fields    the fields of every row, in file order (unique names)
     * @return the writer, of episodes on {@code random} maps
     * @throws IOException when the spool files cannot be created
     */
    public static DatasetWriter create(Path target, String env, JsonNode envConfig, long seed, String policy, List<FieldSpec> fields)
            throws IOException {
        return create(target, env, envConfig, seed, policy, "random", fields);
    }

    /**
     * Opens a writer.
     *
     * @param target    the dataset file to create or replace on {@link #commit()}
     * @param env       environment name written to the header
     * @param envConfig environment config (JSON object) written to the header
     * @param seed      collection seed
     * @param policy    behaviour policy string
     * @param scenario  the maps' scenario string ({@link DatasetHeader#scenario()})
     * @param fields    the fields of every row, in file order (unique names)
     * @return the writer
     * @throws IOException when the spool files cannot be created
     */
    public static DatasetWriter create(Path target, String env, JsonNode envConfig, long seed, String policy, String scenario,
                                       List<FieldSpec> fields) throws IOException {
        new DatasetHeader(DatasetFormat.VERSION, env, envConfig, seed, policy, scenario, 0, 0, fields);
        for (int i = 0; i < fields.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (fields.get(i).name().equals(fields.get(j).name())) {
                    throw new IllegalArgumentException("dataset field '" + fields.get(i).name() + "' is declared twice");
                }
            }
        }
        return new DatasetWriter(target, env, envConfig, seed, policy, scenario, fields);
    }

    /**
     * Writes one field of the current row.
     *
     * @param field  the field index (file order)
     * @param values a {@code byte[]}, {@code int[]} or {@code float[]} of the field's dtype and per-step length
     * @throws IOException when the spool write fails
     */
    public void put(int field, Object values) throws IOException {
        requireOpen();
        if (field < 0 || field >= fields.size()) {
            throw new IllegalArgumentException("dataset field index must be in 0.." + (fields.size() - 1) + ", got " + field);
        }
        FieldSpec spec = fields.get(field);
        spec.check(values);
        if (putThisRow[field]) {
            throw new IllegalStateException("dataset field '" + spec.name() + "' was already written for row " + rows);
        }
        putThisRow[field] = true;
        spools[field].write(values);
    }

    /** Ends the current row; every field must have been written once. */
    public void endRow() {
        requireOpen();
        for (int i = 0; i < putThisRow.length; i++) {
            if (!putThisRow[i]) {
                throw new IllegalStateException("dataset row " + rows + " is missing field '" + fields.get(i).name() + "'");
            }
        }
        java.util.Arrays.fill(putThisRow, false);
        rows++;
    }

    /** Marks the rows written since the previous call as one episode. */
    public void endEpisode() {
        requireOpen();
        if (rows == rowsAtEpisodeEnd) {
            throw new IllegalStateException("dataset episode " + episodes + " has no rows");
        }
        episodes++;
        rowsAtEpisodeEnd = rows;
    }

    /** @return rows written so far */
    public long rows() {
        return rows;
    }

    /** @return episodes ended so far */
    public long episodes() {
        return episodes;
    }

    /**
     * Writes the file: header + data into a temporary sibling, then an atomic rename over the target.
     *
     * @return the size of the written file in bytes
     * @throws IOException when writing fails (the previous target is then intact)
     */
    public long commit() throws IOException {
        requireOpen();
        if (rows != rowsAtEpisodeEnd) {
            throw new IllegalStateException("dataset has " + (rows - rowsAtEpisodeEnd) + " rows after the last endEpisode()");
        }
        List<DatasetFormat.Layout> layouts = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < spools.length; i++) {
            spools[i].flush();
            layouts.add(new DatasetFormat.Layout(fields.get(i), offset, spools[i].bytes, spools[i].crc.getValue()));
            offset = DatasetFormat.align8(offset + spools[i].bytes);
        }
        DatasetHeader header = new DatasetHeader(DatasetFormat.VERSION, env, envConfig, seed, policy, scenario, episodes, rows, fields);
        byte[] json = DatasetFormat.headerBytes(header, layouts);
        Path tmp = AtomicFiles.tempSibling(target);
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer pre = ByteBuffer.allocate(DatasetFormat.PREAMBLE).order(ByteOrder.LITTLE_ENDIAN);
                pre.put(DatasetFormat.MAGIC).putInt(DatasetFormat.VERSION).putInt(json.length).flip();
                writeFully(out, pre);
                writeFully(out, ByteBuffer.wrap(json));
                long dataStart = out.position();
                for (int i = 0; i < spools.length; i++) {
                    spools[i].channel.force(false);
                    long pos = 0;
                    while (pos < spools[i].bytes) {
                        pos += spools[i].channel.transferTo(pos, spools[i].bytes - pos, out);
                    }
                    long end = dataStart + DatasetFormat.align8(layouts.get(i).offset() + layouts.get(i).bytes());
                    writeFully(out, ByteBuffer.allocate((int) (end - out.position())));
                }
                out.force(true);
            }
            AtomicFiles.moveInto(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        long size = Files.size(target);
        close();
        return size;
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("dataset writer for " + target + " is already committed or closed");
        }
    }

    /** Deletes the spool files; the target is only touched by {@link #commit()}. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        IOException first = null;
        for (Spool s : spools) {
            if (s != null) {
                try {
                    s.channel.close();
                    Files.deleteIfExists(s.path);
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
        }
        Files.deleteIfExists(spoolDir);
        if (first != null) {
            throw first;
        }
    }

    /** One field's spool file with a little-endian staging buffer and a running CRC-32. */
    private static final class Spool {
        final Path path;
        final FileChannel channel;
        final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        final CRC32 crc = new CRC32();
        long bytes;

        Spool(Path path) throws IOException {
            this.path = path;
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }

        void write(Object values) throws IOException {
            if (values instanceof byte[] b) {
                int i = 0;
                while (i < b.length) {
                    if (!buf.hasRemaining()) {
                        flush();
                    }
                    int n = Math.min(buf.remaining(), b.length - i);
                    buf.put(b, i, n);
                    i += n;
                }
            } else if (values instanceof int[] a) {
                for (int v : a) {
                    if (buf.remaining() < 4) {
                        flush();
                    }
                    buf.putInt(v);
                }
            } else {
                for (float v : (float[]) values) {
                    if (buf.remaining() < 4) {
                        flush();
                    }
                    buf.putFloat(v);
                }
            }
        }

        void flush() throws IOException {
            buf.flip();
            bytes += buf.remaining();
            crc.update(buf.duplicate());
            writeFully(channel, buf);
            buf.clear();
        }
    }
}
