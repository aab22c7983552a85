package dev.mawm.envs.data;

/** Element types of buffer and dataset fields; the JSON name is the lower-case {@link #code()}. */
public enum DType {
    /** Unsigned 8-bit integer (Java {@code byte}, read with {@code & 0xff}). */
    U8("u8", 1),
    /** Signed 32-bit integer. */
    I32("i32", 4),
    /** IEEE-754 32-bit float. */
    F32("f32", 4);

    private final String code;
    private final int size;

    DType(String code, int size) {
        this.code = code;
        this.size = size;
    }

    /** @return the name used in dataset headers ({@code u8}, {@code i32}, {@code f32}) */
    public String code() {
        return code;
    }

    /** @return bytes per element */
    public int size() {
        return size;
    }

    /**
     * @param code {@code u8}, {@code i32} or {@code f32}
     * @return the type
     * @throws IllegalArgumentException for any other code
     */
    public static DType fromCode(String code) {
        for (DType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown dtype '" + code + "', expected u8, i32 or f32");
    }

    /**
     * Allocates a Java array for {@code n} elements.
     *
     * @param n element count
     * @return {@code byte[]}, {@code int[]} or {@code float[]}
     */
    public Object allocate(int n) {
        return switch (this) {
            case U8 -> new byte[n];
            case I32 -> new int[n];
            case F32 -> new float[n];
        };
    }

    /** @return the Java array class for this type */
    Class<?> arrayClass() {
        return switch (this) {
            case U8 -> byte[].class;
            case I32 -> int[].class;
            case F32 -> float[].class;
        };
    }
}
