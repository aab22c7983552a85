package dev.mawm.planner;

import dev.mawm.models.config.CemConfig;
import java.util.Arrays;
import java.util.Objects;

/**
 * Discrete cross-entropy method: maximizes a {@link BatchObjective} over action sequences of length H with A
 * discrete actions per step, keeping an H×A table of categorical probabilities (DESIGN §7).
 *
 * <p>Each of the I iterations of {@link #optimize}: fill N candidate slots with samples from the table, then the
 * kept elites (first iteration: the ones given to {@link #setInitialCandidates}; later iterations: the best
 * {@code keepElites} of the previous iteration), then the current mode (per-step argmax, if {@code includeMode});
 * score all N in one objective call; take the top K (NaN last, equal scores by ascending slot, so fresh samples win
 * ties against the injected sequences and a flat objective never locks onto the mode); set
 * {@code p ← α·freq(elites) + (1−α)·p}; floor every entry at {@code pMin} and renormalize each row. Elites with a
 * NaN score do not refit the table. The best sequence seen in any iteration is returned (earliest on ties).
 *
 * <p>Lockstep: {@link #optimize} is the composition of {@link #beginOptimize}, {@link #prepareIteration},
 * {@link #finishIteration} and {@link #endOptimize}, which let several optimizers (one per agent) share one batched
 * model call per iteration ({@code dev.mawm.planner.team.TeamPlanner}).
 *
 * <p>Sources: the cross-entropy method of Rubinstein &amp; Kroese, <i>The Cross-Entropy Method</i> (Springer 2004);
 * CEM as the planner of a learned latent model, PlaNet (Hafner et al., "Learning Latent Dynamics for Planning from
 * Pixels", ICML 2019); keeping elites across iterations and shifting them to the next time step, iCEM (Pinneri et
 * al., "Sample-efficient Cross-Entropy Method for Real-time Planning", CoRL 2020).
 *
 * <p>Deterministic for a given seed and objective. After construction nothing is allocated: all buffers are flat
 * primitive arrays. Not thread-safe.
 */
public final class DiscreteCem {
    private final int horizon;
    private final int actions;
    private final int samples;
    private final int elites;
    private final int iterations;
    private final int keep;
    private final boolean includeMode;
    private final double alpha;
    private final double pMin;
    private final SplitMix64 rng;

    private final double[] probs;     // [H * A] row k = distribution of step k
    private final double[] cdf;       // [H * A] cumulative rows of probs
    private final int[] counts;       // [H * A] action counts among elites
    private final int[] seqs;         // [N * H] candidates, sequence-major
    private final float[] scores;     // [N]
    private final int[] eliteIdx;     // [K] candidate indices, best first
    private final int[] initial;      // [keep * H] candidates injected into the first iteration
    private final int[] kept;         // [keep * H] elites kept from the last iteration
    private final int[] best;         // [H]
    private int initialCount;
    private int keptCount;
    private float bestScore = Float.NaN;
    private boolean found;            // a non-NaN candidate was seen in the current optimization
    private int nextIteration = -1;   // lockstep: the next iteration to prepare/finish, -1 when not optimizing
    private boolean prepared;         // lockstep: candidates of nextIteration are prepared, awaiting scores

    /**
     * @param config      the CEM settings (H, N, K, I, α, pMin, keepElites, includeMode, seed are used here)
     * @param actionCount A, the number of discrete actions, ≥ 1, with {@code pMin × A < 1}
     * @throws IllegalArgumentException naming the argument when the shapes are unusable
     */
    public DiscreteCem(CemConfig config, int actionCount) {
        Objects.requireNonNull(config, "config");
        if (actionCount < 1) {
            throw new IllegalArgumentException("actionCount must be >= 1, got " + actionCount);
        }
        if (config.pMin() * actionCount >= 1.0) {
            throw new IllegalArgumentException("cem.pMin × actionCount must be < 1 (else the floor forces a uniform "
                    + "distribution), got " + config.pMin() + " × " + actionCount);
        }
        if ((long) config.samples() * config.horizon() > Integer.MAX_VALUE - 8
                || (long) actionCount * config.horizon() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cem.samples × cem.horizon and actionCount × cem.horizon must fit in an "
                    + "array, got " + config.samples() + ", " + actionCount + ", " + config.horizon());
        }
        horizon = config.horizon();
        actions = actionCount;
        samples = config.samples();
        elites = config.elites();
        iterations = config.iterations();
        keep = config.keepElites();
        includeMode = config.includeMode();
        alpha = config.alpha();
        pMin = config.pMin();
        rng = new SplitMix64(config.seed());
        probs = new double[horizon * actions];
        cdf = new double[horizon * actions];
        counts = new int[horizon * actions];
        seqs = new int[samples * horizon];
        scores = new float[samples];
        eliteIdx = new int[elites];
        initial = new int[keep * horizon];
        kept = new int[keep * horizon];
        best = new int[horizon];
        resetUniform();
    }

    /** @return H, the steps per sequence */
    public int horizon() {
        return horizon;
    }

    /** @return A, the number of discrete actions */
    public int actionCount() {
        return actions;
    }

    /** @return N, the candidates per objective call */
    public int samples() {
        return samples;
    }

    /** @return the most sequences {@link #setInitialCandidates} accepts ({@code keepElites}) */
    public int maxInitialCandidates() {
        return keep;
    }

    /**
     * Restarts the random sequence.
     *
     * @param seed the seed it restarts from
     */
    public void reseed(long seed) {
        rng.reseed(seed);
    }

    /** Sets every row of the table to uniform and forgets the injected and kept candidates. */
    public void resetUniform() {
        Arrays.fill(probs, 1.0 / actions);
        initialCount = 0;
        keptCount = 0;
    }

    /**
     * Replaces the distribution (e.g. with a warm start shifted from the previous tick).
     *
     * @param table {@code [≥ H * A]} row-major; each entry finite in [0, 1], each row summing to 1 within 1e-6
     * @throws IllegalArgumentException naming the entry or row at fault
     */
    public void setDistribution(double[] table) {
        checkLength("table", table, horizon * actions);
        for (int k = 0; k < horizon; k++) {
            double sum = 0.0;
            for (int a = 0; a < actions; a++) {
                double p = table[k * actions + a];
                if (!(p >= 0.0 && p <= 1.0)) {
                    throw new IllegalArgumentException("table[" + k + "][" + a + "] must be in [0, 1], got " + p);
                }
                sum += p;
            }
            if (Math.abs(sum - 1.0) > 1e-6) {
                throw new IllegalArgumentException("table row " + k + " must sum to 1, got " + sum);
            }
        }
        System.arraycopy(table, 0, probs, 0, probs.length);
    }

    /**
     * Receding-horizon warm start for the next tick: shifts the table by one step (last row reset to uniform)
     * and injects the kept elites, shifted by one step, into the next {@link #optimize}. Allocates nothing and
     * skips the validation of {@link #setDistribution}/{@link #setInitialCandidates}, whose inputs here come
     * from this optimizer. Call it once after each tick's optimization ({@link MpcPlanner} and
     * {@code team.AgentPlanner} do).
     */
    public void shiftForNextTick() {
        WarmStart.shiftTable(probs, horizon, actions);
        System.arraycopy(kept, 0, initial, 0, keptCount * horizon);
        WarmStart.shiftSequences(initial, keptCount, horizon);
        initialCount = keptCount;
    }

    /**
     * Copies out the current distribution: per step, the probability of each action.
     *
     * @param dst receives the current table, {@code [≥ H * A]} row-major
     */
    public void copyDistribution(double[] dst) {
        checkLength("dst", dst, probs.length);
        System.arraycopy(probs, 0, dst, 0, probs.length);
    }

    /**
     * @param step   step in [0, H)
     * @param action action in [0, A)
     * @return the current probability of {@code action} at {@code step}
     */
    public double probability(int step, int action) {
        Objects.checkIndex(step, horizon);
        Objects.checkIndex(action, actions);
        return probs[step * actions + action];
    }

    /**
     * Gives sequences to score in the first iteration of the next {@link #optimize} call (e.g. the previous tick's
     * elites shifted by one step); they are consumed by that call.
     *
     * @param candidates {@code [≥ count * H]} sequence-major, every action in [0, A)
     * @param count      number of sequences, 0..keepElites
     * @throws IllegalArgumentException naming the argument at fault
     */
    public void setInitialCandidates(int[] candidates, int count) {
        if (count < 0 || count > keep) {
            throw new IllegalArgumentException("count must be in [0, " + keep + "] (cem.keepElites), got " + count);
        }
        checkLength("candidates", candidates, count * horizon);
        for (int i = 0; i < count * horizon; i++) {
            if (candidates[i] < 0 || candidates[i] >= actions) {
                throw new IllegalArgumentException("candidates[" + i + "] must be an action in [0, " + actions
                        + "), got " + candidates[i]);
            }
        }
        System.arraycopy(candidates, 0, initial, 0, count * horizon);
        initialCount = count;
    }

    /**
     * Runs the I CEM iterations from the current table; afterwards the table holds the refit distribution. Exactly
     * {@link #beginOptimize()}, then for each iteration {@link #prepareIteration}, one objective call on the
     * candidates and {@link #finishIteration}, then {@link #endOptimize()}.
     *
     * @param objective scores N candidates per call (called exactly I times)
     * @return the best score found, or NaN when every candidate scored NaN (then the table is unchanged and the
     *     best sequence is the table's mode)
     */
    public float optimize(BatchObjective objective) {
        Objects.requireNonNull(objective, "objective");
        beginOptimize();
        for (int it = 0; it < iterations; it++) {
            int[] candidates = prepareIteration(it);
            objective.evaluate(candidates, samples, horizon, scores);
            finishIteration(it, scores, 0);
        }
        return endOptimize();
    }

    /** @return I, the iterations of one {@link #optimize} (and of one lockstep round) */
    public int iterations() {
        return iterations;
    }

    /**
     * Lockstep API, step 1 of 4: starts an optimization (forgets the best sequence of the previous one). With
     * {@link #prepareIteration}, {@link #finishIteration} and {@link #endOptimize} it lets several optimizers run
     * one iteration each and have all their candidates scored in one model call; the composition is
     * {@link #optimize}, bit for bit. Calling it again restarts the round (e.g. after a failed objective call).
     */
    public void beginOptimize() {
        bestScore = Float.NaN;
        found = false;
        nextIteration = 0;
        prepared = false;
    }

    /**
     * Lockstep API, step 2: fills the N candidates of iteration {@code iteration} — fresh samples from the table,
     * then the injected elites (iteration 0: those of {@link #setInitialCandidates} or the warm start; later: the
     * best {@code keepElites} of the previous iteration), then the mode when {@code includeMode}.
     *
     * @param iteration the next iteration, in order {@code 0 … I−1}
     * @return the candidates, this optimizer's own buffer {@code [N * H]} sequence-major; read only, valid until the
     *     next call
     * @throws IllegalStateException when not called in order after {@link #beginOptimize}/{@link #finishIteration}
     */
    public int[] prepareIteration(int iteration) {
        checkStep(iteration, false, "prepareIteration");
        // [sampled | injected elites, best first | mode]: injected ones sit last so that on equal scores
        // (ranked by index) fresh samples win, and a tie never favours the mode or old elites.
        int injected = iteration == 0 ? initialCount : keptCount;
        int sampled = samples - injected - (includeMode ? 1 : 0);
        sample(sampled);
        System.arraycopy(iteration == 0 ? initial : kept, 0, seqs, sampled * horizon, injected * horizon);
        if (includeMode) {
            writeMode(seqs, (samples - 1) * horizon);
        }
        prepared = true;
        return seqs;
    }

    /**
     * Lockstep API, step 3: takes the scores of the candidates of {@link #prepareIteration}, selects the top K,
     * tracks the best sequence, refits the table and keeps the elites for the next iteration.
     *
     * @param iteration the iteration just prepared
     * @param scoresIn  the scores, {@code scoresIn[offset + n]} for candidate n of {@code [0, N)} (NaN ranks last)
     * @param offset    where candidate 0's score is (e.g. {@code g·N} in a batch of several agents)
     * @throws IllegalStateException when {@code iteration} was not the one just prepared
     */
    public void finishIteration(int iteration, float[] scoresIn, int offset) {
        checkStep(iteration, true, "finishIteration");
        Objects.requireNonNull(scoresIn, "scoresIn");
        Objects.checkFromIndexSize(offset, samples, scoresIn.length);
        if (scoresIn != scores || offset != 0) {
            System.arraycopy(scoresIn, offset, scores, 0, samples);
        }
        int valid = Elites.selectTop(scores, samples, elites, eliteIdx);
        if (valid > 0) {
            int top = eliteIdx[0];
            if (!found || scores[top] > bestScore) {
                System.arraycopy(seqs, top * horizon, best, 0, horizon);
                bestScore = scores[top];
                found = true;
            }
            refit(valid);
        }
        keptCount = Math.min(keep, valid);
        for (int e = 0; e < keptCount; e++) {
            System.arraycopy(seqs, eliteIdx[e] * horizon, kept, e * horizon, horizon);
        }
        prepared = false;
        nextIteration++;
    }

    /**
     * Lockstep API, step 4: ends the optimization after all I iterations; consumes the injected candidates.
     *
     * @return as {@link #optimize}: the best score, or NaN when every candidate scored NaN (best = the table's mode)
     * @throws IllegalStateException when not all I iterations were finished
     */
    public float endOptimize() {
        if (nextIteration != iterations || prepared) {
            throw new IllegalStateException("endOptimize needs all " + iterations + " iterations finished after "
                    + "beginOptimize, got " + Math.max(nextIteration, 0));
        }
        nextIteration = -1;
        initialCount = 0;
        if (!found) {
            writeMode(best, 0);
        }
        return bestScore;
    }

    private void checkStep(int iteration, boolean wantPrepared, String what) {
        if (nextIteration < 0 || iteration != nextIteration || prepared != wantPrepared || iteration >= iterations) {
            throw new IllegalStateException(what + "(" + iteration + ") out of order: expected "
                    + (nextIteration < 0 ? "beginOptimize() first"
                    : (prepared ? "finishIteration(" : "prepareIteration(") + nextIteration + ")"
                    + (nextIteration >= iterations ? " — all " + iterations + " iterations are done" : "")));
        }
    }

    /** @return the score of the best sequence of the last {@link #optimize} call (NaN when every candidate scored NaN) */
    public float bestScore() {
        return bestScore;
    }

    /**
     * @param step step in [0, H)
     * @return the action at {@code step} of the best sequence of the last {@link #optimize} call
     */
    public int bestAction(int step) {
        Objects.checkIndex(step, horizon);
        return best[step];
    }

    /**
     * Copies out the best sequence of the last {@link #optimize} call.
     *
     * @param dst receives it, {@code [≥ H]}
     */
    public void copyBestSequence(int[] dst) {
        checkLength("dst", dst, horizon);
        System.arraycopy(best, 0, dst, 0, horizon);
    }

    /**
     * @param dst receives the best non-NaN elites of the last iteration, best first; needs {@code [≥ count * H]}, so
     *            {@code [keepElites * H]} always suffices
     * @return how many sequences were written (≤ keepElites)
     */
    public int copyKeptElites(int[] dst) {
        checkLength("dst", dst, keptCount * horizon);
        System.arraycopy(kept, 0, dst, 0, keptCount * horizon);
        return keptCount;
    }

    /** Writes the per-step argmax of the table (ties: lowest action) at {@code dst[offset..offset+H)}. */
    private void writeMode(int[] dst, int offset) {
        for (int k = 0; k < horizon; k++) {
            int row = k * actions;
            int arg = 0;
            for (int a = 1; a < actions; a++) {
                if (probs[row + a] > probs[row + arg]) {
                    arg = a;
                }
            }
            dst[offset + k] = arg;
        }
    }

    /** Fills candidate slots {@code [0, count)} by inverse-CDF sampling of each step's categorical. */
    private void sample(int count) {
        for (int k = 0; k < horizon; k++) {
            double acc = 0.0;
            for (int a = 0; a < actions; a++) {
                acc += probs[k * actions + a];
                cdf[k * actions + a] = acc;
            }
        }
        int last = actions - 1;
        for (int i = 0; i < count; i++) {
            int base = i * horizon;
            for (int k = 0; k < horizon; k++) {
                double u = rng.nextDouble() * cdf[k * actions + last]; // scale by the row sum: no rounding gap
                int row = k * actions;
                int a = 0;
                while (a < last && u >= cdf[row + a]) {
                    a++;
                }
                seqs[base + k] = a;
            }
        }
    }

    /** {@code p ← α·freq(elites) + (1−α)·p}, then floor at pMin and renormalize each row. */
    private void refit(int valid) {
        Arrays.fill(counts, 0);
        for (int e = 0; e < valid; e++) {
            int base = eliteIdx[e] * horizon;
            for (int k = 0; k < horizon; k++) {
                counts[k * actions + seqs[base + k]]++;
            }
        }
        double w = alpha / valid;
        for (int k = 0; k < horizon; k++) {
            int row = k * actions;
            double sum = 0.0;
            for (int a = 0; a < actions; a++) {
                double p = Math.max(w * counts[row + a] + (1.0 - alpha) * probs[row + a], pMin);
                probs[row + a] = p;
                sum += p;
            }
            double inv = 1.0 / sum;
            for (int a = 0; a < actions; a++) {
                probs[row + a] *= inv;
            }
        }
    }

    private static void checkLength(String name, int[] array, int min) {
        Objects.requireNonNull(array, name);
        if (array.length < min) {
            throw new IllegalArgumentException(name + " must have length >= " + min + ", got " + array.length);
        }
    }

    private static void checkLength(String name, double[] array, int min) {
        Objects.requireNonNull(array, name);
        if (array.length < min) {
            throw new IllegalArgumentException(name + " must have length >= " + min + ", got " + array.length);
        }
    }
}
