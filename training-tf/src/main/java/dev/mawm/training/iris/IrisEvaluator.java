package dev.mawm.training.iris;

import dev.mawm.models.nn.iris.IrisDims;
import dev.mawm.training.jepa2.ProbeMath;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures a trained {@code iris} model on the held-out episodes, for {@code metrics.json}:
 * <ul>
 *   <li>one step, from every held-out (row r, agent a) with a next row (one block: the real frame, the logged action,
 *       step 1, the other agent's real message): {@code nextCellAccuracy} and {@code nextCellAccuracyNonEmpty} (cells
 *       whose true type is not empty) of the greedy next frame, the copy-the-current-frame baseline of both
 *       ({@code copyCellAccuracy}, {@code copyCellAccuracyNonEmpty}), {@code nextPositionAccuracy} (x and y right) and
 *       its copy baseline;</li>
 *   <li>{@code rewardAuroc}: the reward head's output against the agent's first arrival at the goal;
 *       {@code doneAuroc}: the termination probability against {@code terminated} of the next row (positives counted in
 *       {@code rewardPositives}, {@code donePositives}; NaN → null without positives);</li>
 *   <li>open-loop prediction for k = 1, 4, 8 ({@link IrisRollout}).</li>
 * </ul>
 */
public final class IrisEvaluator {
    /** Horizons of the open-loop report. */
    public static final int[] HORIZONS = {1, 4, 8};

    /**
     * The most held-out start rows the open-loop report rolls out (each for both agents): every start costs
     * {@code 2 · kMax} teacher-forced windows of up to {@code seqLen} blocks, so a full held-out split of the default
     * dataset would take longer than the training. Beyond this, an evenly spaced subset of the start rows (the same
     * for a given split: no random draw) is rolled out; the one-step figures always use every start.
     */
    public static final int MAX_OPEN_LOOP_STARTS = 1500;

    private IrisEvaluator() {
    }

    /**
     * @param inf  the trained model's forward passes
     * @param data the split the model was trained on
     * @return the figures by name, in a fixed order
     */
    public static Map<String, Object> evaluate(IrisInference inf, IrisData data) {
        IrisWindows w = data.windows();
        IrisRows rows = data.rows();
        IrisDims d = data.dims();
        int[] starts = w.startRows(data.heldOutEpisodes());
        int n = starts.length * 2;
        int c = d.cells();
        int f = c + 2;
        int m = d.messageTokens();
        int[] cells = new int[n * c];
        int[] next = new int[n * c];
        int[] pos = new int[n * 2];
        int[] actions = new int[n];
        int[] steps = new int[n];
        int[] message = new int[n * m];
        boolean[] reward = new boolean[n];
        boolean[] done = new boolean[n];
        for (int s = 0; s < n; s++) {
            int r = starts[s / 2];
            int a = s % 2;
            for (int k = 0; k < c; k++) {
                cells[s * c + k] = rows.cell(r, a, k);
                next[s * c + k] = rows.cell(r + 1, a, k);
            }
            pos[s * 2] = rows.pos()[(r * 2 + a) * 2];
            pos[s * 2 + 1] = rows.pos()[(r * 2 + a) * 2 + 1];
            actions[s] = rows.action()[r * 2 + a];
            steps[s] = 1;
            w.message(r, 1 - a, false, message, s * m);
            reward[s] = rows.arrived()[r * 2 + a] == 0 && rows.arrived()[(r + 1) * 2 + a] != 0;
            done[s] = rows.terminated()[r + 1] != 0;
        }
        IrisInference.Prediction p = inf.forward(cells, pos, actions, steps, message, n, 1);
        CellTally model = new CellTally();
        CellTally copy = new CellTally();
        int posHits = 0;
        int posCopy = 0;
        double[] rewardScore = new double[n];
        double[] doneScore = new double[n];
        for (int s = 0; s < n; s++) {
            model.add(p.frames(), s * f, next, s * c, c);
            copy.add(cells, s * c, next, s * c, c);
            int r = starts[s / 2];
            int a = s % 2;
            int nx = rows.pos()[((r + 1) * 2 + a) * 2];
            int ny = rows.pos()[((r + 1) * 2 + a) * 2 + 1];
            posHits += p.frames()[s * f + c] == nx && p.frames()[s * f + c + 1] == ny ? 1 : 0;
            posCopy += pos[s * 2] == nx && pos[s * 2 + 1] == ny ? 1 : 0;
            rewardScore[s] = p.reward()[s];
            doneScore[s] = p.done()[s];
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("heldOutEpisodes", data.heldOutEpisodes().length);
        out.put("heldOutTransitions", n);
        out.put("nextCellAccuracy", model.accuracy());
        out.put("nextCellAccuracyNonEmpty", model.nonEmptyAccuracy());
        out.put("copyCellAccuracy", copy.accuracy());
        out.put("copyCellAccuracyNonEmpty", copy.nonEmptyAccuracy());
        out.put("nextPositionAccuracy", posHits / (double) n);
        out.put("copyPositionAccuracy", posCopy / (double) n);
        out.put("rewardPositives", count(reward));
        out.put("rewardAuroc", count(reward) == 0 ? Double.NaN : ProbeMath.auroc(rewardScore, reward));
        out.put("donePositives", count(done));
        out.put("doneAuroc", count(done) == 0 ? Double.NaN : ProbeMath.auroc(doneScore, done));
        int[] openLoop = evenlySpaced(starts, MAX_OPEN_LOOP_STARTS);
        out.put("openLoopStarts", openLoop.length);
        out.putAll(IrisRollout.run(inf, w, openLoop, HORIZONS));
        return out;
    }

    /**
     * @param rows the candidates, ascending
     * @param max  the most to keep, ≥ 1
     * @return {@code rows} when it has at most {@code max} entries, else {@code max} of them at evenly spaced indices
     *     {@code ⌊i · length / max⌋}
     */
    static int[] evenlySpaced(int[] rows, int max) {
        if (rows.length <= max) {
            return rows;
        }
        int[] out = new int[max];
        for (int i = 0; i < max; i++) {
            out[i] = rows[(int) ((long) i * rows.length / max)];
        }
        return out;
    }

    private static int count(boolean[] b) {
        int k = 0;
        for (boolean v : b) {
            k += v ? 1 : 0;
        }
        return k;
    }
}
