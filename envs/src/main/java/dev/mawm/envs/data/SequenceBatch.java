package dev.mawm.envs.data;

import java.util.List;

/**
 * A batch of sequence windows sampled from a {@link RingBuffer}. Every field is a flat array
 * {@code [batch, seqLen, ...shape]}; steps past a window's length are zero and have mask 0.
 * Arrays are returned without copying (the batch owns them; the caller may keep or modify them).
 */
public final class SequenceBatch {
    private final int batch;
    private final int seqLen;
    private final List<FieldSpec> fields;
    private final Object[] data;
    private final float[] mask;        // [batch, seqLen]
    private final int[] lengths;       // [batch]
    private final long[] episodeIds;   // [batch]
    private final long[] indices;      // [batch, seqLen] global insertion index, -1 = padding

    SequenceBatch(int batch, int seqLen, List<FieldSpec> fields, Object[] data, float[] mask, int[] lengths,
                  long[] episodeIds, long[] indices) {
        this.batch = batch;
        this.seqLen = seqLen;
        this.fields = fields;
        this.data = data;
        this.mask = mask;
        this.lengths = lengths;
        this.episodeIds = episodeIds;
        this.indices = indices;
    }

    /** @return number of windows */
    public int batch() {
        return batch;
    }

    /** @return steps per window (padded) */
    public int seqLen() {
        return seqLen;
    }

    /** @return {@code [batch, seqLen]}: 1 for real steps, 0 for padding */
    public float[] mask() {
        return mask;
    }

    /**
     * @param b window index
     * @return the number of real steps of window {@code b} (≤ seqLen; shorter only for episodes shorter than seqLen)
     */
    public int length(int b) {
        return lengths[b];
    }

    /**
     * @param b window index
     * @return the episode id of window {@code b}
     */
    public long episodeId(int b) {
        return episodeIds[b];
    }

    /**
     * @param b window index
     * @param t step in the window
     * @return the global insertion index (0 = first row ever added) of that step, −1 for padding
     */
    public long index(int b, int t) {
        return indices[b * seqLen + t];
    }

    /**
     * @param name an f32 field
     * @return its data {@code [batch, seqLen, ...shape]}
     */
    public float[] floats(String name) {
        return (float[]) get(name, DType.F32);
    }

    /**
     * @param name an i32 field
     * @return its data {@code [batch, seqLen, ...shape]}
     */
    public int[] ints(String name) {
        return (int[]) get(name, DType.I32);
    }

    /**
     * @param name a u8 field
     * @return its data {@code [batch, seqLen, ...shape]}
     */
    public byte[] bytes(String name) {
        return (byte[]) get(name, DType.U8);
    }

    /**
     * @param name a field name
     * @return whether the batch holds that field
     */
    public boolean has(String name) {
        return fields.stream().anyMatch(f -> f.name().equals(name));
    }

    private Object get(String name, DType want) {
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec f = fields.get(i);
            if (f.name().equals(name)) {
                if (f.dtype() != want) {
                    throw new IllegalArgumentException("field '" + name + "' is " + f.dtype().code() + ", not " + want.code());
                }
                return data[i];
            }
        }
        throw new IllegalArgumentException("unknown field '" + name + "', expected one of "
                + fields.stream().map(FieldSpec::name).toList());
    }
}
