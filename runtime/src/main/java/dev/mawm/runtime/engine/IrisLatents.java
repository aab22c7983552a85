package dev.mawm.runtime.engine;

/**
 * The float latents of {@link IrisTeamModel}: a frame or a message as {@code L = C + 2} tokens shifted by one
 * ({@code C = V·V} cells, then x, then y), so that 0 — the all-zeros latent the planner uses for "no message" —
 * means "no information". Encoding: {@code latent = token + 1}; decoding: 0 → the model's no-information token
 * (K for a cell, W for x, H' for y), {@code v ≥ 1} → {@code v − 1}. A message cell K ("unknown", from a lossy codec)
 * encodes as K + 1 and decodes back to K. Every decode requires whole numbers in range and names the element at
 * fault. Stateless apart from the sizes; allocates only on failure.
 */
final class IrisLatents {
    private final int cells;
    private final int objectTypes;
    private final int width;
    private final int height;

    /**
     * @param cells       C
     * @param objectTypes K
     * @param width       W
     * @param height      H'
     */
    IrisLatents(int cells, int objectTypes, int width, int height) {
        this.cells = cells;
        this.objectTypes = objectTypes;
        this.width = width;
        this.height = height;
    }

    /** @return L = C + 2 */
    int size() {
        return cells + 2;
    }

    /** The no-information token of latent element k (a cell: K, x: W, y: H'). */
    int noInformation(int k) {
        return k < cells ? objectTypes : k == cells ? width : height;
    }

    /**
     * Encodes one token (checked against {@code [0, bound)}) as {@code token + 1}.
     *
     * @param what  the array's name, for errors
     * @param k     the latent element
     * @param token the value
     * @param bound its exclusive upper bound
     * @return {@code token + 1}
     */
    static float encode(String what, int k, float token, int bound) {
        if (!(token >= 0 && token < bound) || token != Math.rint(token)) {
            throw new IllegalArgumentException(what + "[" + k + "] is " + token + "; expected a whole token in [0, " + bound + ")");
        }
        return token + 1f;
    }

    /**
     * @param what   the latent's name, for errors
     * @param row    the agent row it belongs to, for errors (−1: none)
     * @param latent the latents
     * @param offset where this latent starts
     * @param k      the element, in {@code [0, L)}
     * @param strict when true, 0 (no information) is refused: an observed frame always holds real tokens
     * @return the token: in {@code [0, K]} for a cell, {@code [0, W]} for x, {@code [0, H']} for y ({@code [0, K)}
     *     etc. when strict)
     */
    int decode(String what, int row, float[] latent, int offset, int k, boolean strict) {
        float v = latent[offset + k];
        int none = noInformation(k);
        int lo = strict ? 1 : 0;
        int hi = strict ? none : none + 1;   // strict: an observed frame holds real tokens only
        if (!(v >= lo && v <= hi) || v != Math.rint(v)) {
            String part = k < cells ? "cell " + k : k == cells ? "x" : "y";
            throw new IllegalArgumentException(what + (row >= 0 ? " of agent row " + row : "") + " element " + k + " (" + part + ") is " + v + "; expected a whole number in ["
                    + lo + ", " + hi + "] (token + 1" + (strict ? ", an observed frame: no 'no information'" : "; 0 = no information")
                    + ")");
        }
        return v == 0 ? none : (int) v - 1;
    }

    /**
     * Decodes a latent into frame tokens.
     *
     * @param what      the latent's name, for errors
     * @param row       the agent row, for errors (−1: none)
     * @param latent    the latents
     * @param offset    where this one starts
     * @param strict    refuse no-information tokens (an observed frame)
     * @param cellsOut  written: {@code [C]} at {@code cellsOffset}
     * @param cellsOffset where the cells go
     * @param posOut    written: x, y at {@code posOffset}
     * @param posOffset where x, y go
     */
    void frame(String what, int row, float[] latent, int offset, boolean strict, int[] cellsOut, int cellsOffset, int[] posOut, int posOffset) {
        for (int k = 0; k < cells; k++) {
            cellsOut[cellsOffset + k] = decode(what, row, latent, offset, k, strict);
        }
        posOut[posOffset] = decode(what, row, latent, offset, cells, strict);
        posOut[posOffset + 1] = decode(what, row, latent, offset, cells + 1, strict);
    }

    /**
     * Decodes a latent into message tokens (0 → no information).
     *
     * @param what        the latent's name, for errors
     * @param row         the agent row, for errors (−1: none)
     * @param latent      the latents
     * @param offset      where this one starts
     * @param withPosition whether the message carries x, y (M = C + 2) or not (M = C: x, y are dropped)
     * @param out         written: {@code [M]} at {@code outOffset}
     * @param outOffset   where the message goes
     */
    void message(String what, int row, float[] latent, int offset, boolean withPosition, int[] out, int outOffset) {
        int m = withPosition ? cells + 2 : cells;
        for (int k = 0; k < m; k++) {
            out[outOffset + k] = decode(what, row, latent, offset, k, false);
        }
        if (!withPosition) {
            decode(what, row, latent, offset, cells, false);      // checked, not sent
            decode(what, row, latent, offset, cells + 1, false);
        }
    }
}
