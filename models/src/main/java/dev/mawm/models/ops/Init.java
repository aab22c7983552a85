package dev.mawm.models.ops;

import java.util.SplittableRandom;

/**
 * How a parameter is initialized. Values are drawn in Java from a seeded generator, so every
 * backend starts from identical weights for a given seed.
 *
 * @param kind the scheme
 * @param scale the scheme's scale: std for {@link Kind#NORMAL}, bound for {@link Kind#UNIFORM},
 *     gain for {@link Kind#GLOROT_UNIFORM}, the value for {@link Kind#CONSTANT}
 */
public record Init(Kind kind, double scale) {

    /** Initialization schemes. */
    public enum Kind {
        /** All zeros. */
        ZEROS,
        /** Every entry {@code scale}. */
        CONSTANT,
        /** Normal(0, scale²). */
        NORMAL,
        /** Uniform(−scale, scale). */
        UNIFORM,
        /** Glorot/Xavier uniform, bound {@code gain·sqrt(6 / (fanIn + fanOut))}; fans from the last two dims. */
        GLOROT_UNIFORM
    }

    /** Validates the scale. */
    public Init {
        if (kind == null) {
            throw new IllegalArgumentException("init kind must be given");
        }
        if (!Double.isFinite(scale) || (kind != Kind.CONSTANT && scale < 0)) {
            throw new IllegalArgumentException("init scale must be finite" + (kind != Kind.CONSTANT ? " and >= 0" : "") + ", got " + scale);
        }
    }

    /** @return zeros */
    public static Init zeros() {
        return new Init(Kind.ZEROS, 0);
    }

    /**
     * @param value the constant
     * @return every entry {@code value}
     */
    public static Init constant(double value) {
        return new Init(Kind.CONSTANT, value);
    }

    /**
     * @param std the standard deviation
     * @return Normal(0, std²)
     */
    public static Init normal(double std) {
        return new Init(Kind.NORMAL, std);
    }

    /**
     * @param bound the bound
     * @return Uniform(−bound, bound)
     */
    public static Init uniform(double bound) {
        return new Init(Kind.UNIFORM, bound);
    }

    /** @return Glorot uniform with gain 1 */
    public static Init glorot() {
        return new Init(Kind.GLOROT_UNIFORM, 1.0);
    }

    /**
     * Draws the initial values.
     *
     * @param shape the parameter's shape
     * @param rng the seeded generator (consumed)
     * @return row-major values
     */
    public float[] sample(long[] shape, SplittableRandom rng) {
        int n = Math.toIntExact(ParamSpec.size(shape));
        float[] v = new float[n];
        switch (kind) {
            case ZEROS -> { }
            case CONSTANT -> java.util.Arrays.fill(v, (float) scale);
            case NORMAL -> {
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (scale * gaussian(rng));
                }
            }
            case UNIFORM -> fillUniform(v, scale, rng);
            case GLOROT_UNIFORM -> {
                long fanIn = shape.length >= 2 ? shape[shape.length - 2] : shape.length == 1 ? shape[0] : 1;
                long fanOut = shape.length >= 1 ? shape[shape.length - 1] : 1;
                long receptive = 1;
                for (int i = 0; i < shape.length - 2; i++) {
                    receptive *= shape[i];
                }
                fillUniform(v, scale * Math.sqrt(6.0 / ((fanIn + fanOut) * receptive)), rng);
            }
            default -> throw new IllegalStateException("unhandled init " + kind);
        }
        return v;
    }

    private static void fillUniform(float[] v, double bound, SplittableRandom rng) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
