package dev.mawm.envs.data;

/**
 * One field of a dataset read into memory: {@code [rows, ...shape]} as a flat Java array. The
 * array is shared, not copied — treat it as read-only.
 */
public final class Column {
    private final FieldSpec spec;
    private final Object data;
    private final int rows;

    Column(FieldSpec spec, Object data, int rows) {
        this.spec = spec;
        this.data = data;
        this.rows = rows;
    }

    /** @return the field's spec */
    public FieldSpec spec() {
        return spec;
    }

    /** @return number of rows */
    public int rows() {
        return rows;
    }

    /** @return the f32 data {@code [rows, ...shape]} */
    public float[] floats() {
        return (float[]) as(DType.F32);
    }

    /** @return the i32 data {@code [rows, ...shape]} */
    public int[] ints() {
        return (int[]) as(DType.I32);
    }

    /** @return the u8 data {@code [rows, ...shape]} (read each with {@code & 0xff}) */
    public byte[] bytes() {
        return (byte[]) as(DType.U8);
    }

    /**
     * Converts a u8 field to floats {@code (b & 0xff) / 255f} — for grid2 {@code obs} these are the
     * environment's float observations, bit-exactly. A new array.
     *
     * @return {@code [rows, ...shape]} floats in [0, 1]
     */
    public float[] unitFloats() {
        byte[] b = bytes();
        float[] out = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (b[i] & 0xff) / 255f;
        }
        return out;
    }

    Object data() {
        return data;
    }

    private Object as(DType want) {
        if (spec.dtype() != want) {
            throw new IllegalArgumentException("dataset field '" + spec.name() + "' is " + spec.dtype().code() + ", not " + want.code());
        }
        return data;
    }
}
