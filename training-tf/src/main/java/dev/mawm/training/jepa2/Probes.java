package dev.mawm.training.jepa2;

import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import java.util.ArrayList;
import java.util.List;

/** Linear probes from z: agent position, goal in view, goal offset; fitted on training rows, scored on held-out rows. */
final class Probes {
    private static final double RIDGE = 1.0;
    private static final double L2 = 1.0;

    private Probes() {
    }

    static Jepa2Metrics.Probes fit(Dataset ds, Jepa2Dims dims, RowLatents train, RowLatents held) {
        int[] pos = ds.column(DatasetSchema.POS).ints();
        byte[] msg = ds.column(DatasetSchema.MSG).bytes();
        int m = dims.cells();
        int v = dims.viewSize();
        double[][] zTrain = train.zRows();
        double[][] zHeld = held.zRows();
        ProbeMath.Standardizer st = ProbeMath.Standardizer.fit(zTrain);
        double[][] xTrain = st.apply(zTrain);
        double[][] xHeld = st.apply(zHeld);

        // position (x, y)
        double[][] w = ProbeMath.ridge(xTrain, targets(pos, train.rows()), RIDGE);
        double[][] yHeld = targets(pos, held.rows());
        double[][] pred = ProbeMath.predict(xHeld, w);
        int exact = 0;
        double mae = 0;
        for (int i = 0; i < pred.length; i++) {
            exact += Math.round(pred[i][0]) == Math.round(yHeld[i][0]) && Math.round(pred[i][1]) == Math.round(yHeld[i][1]) ? 1 : 0;
            mae += (Math.abs(pred[i][0] - yHeld[i][0]) + Math.abs(pred[i][1] - yHeld[i][1])) / 2;
        }

        // goal in view
        boolean[] visTrain = visible(msg, train.rows(), m);
        boolean[] visHeld = visible(msg, held.rows(), m);
        double[] lw = ProbeMath.logistic(xTrain, visTrain, L2);
        double auroc = ProbeMath.auroc(ProbeMath.logits(xHeld, lw), visHeld);
        int visible = 0;
        for (boolean b : visHeld) {
            visible += b ? 1 : 0;
        }

        // goal offset (dx, dy) when in view
        List<double[]> ox = new ArrayList<>();
        List<double[]> oy = new ArrayList<>();
        collectOffsets(msg, train.rows(), xTrain, m, v, ox, oy);
        List<double[]> hx = new ArrayList<>();
        List<double[]> hy = new ArrayList<>();
        collectOffsets(msg, held.rows(), xHeld, m, v, hx, hy);
        double offAcc = Double.NaN;
        double offMae = Double.NaN;
        if (ox.size() > xTrain[0].length && !hx.isEmpty()) {
            double[][] ow = ProbeMath.ridge(ox.toArray(new double[0][]), oy.toArray(new double[0][]), RIDGE);
            double[][] op = ProbeMath.predict(hx.toArray(new double[0][]), ow);
            int ok = 0;
            double err = 0;
            for (int i = 0; i < op.length; i++) {
                double[] t = hy.get(i);
                ok += Math.round(op[i][0]) == Math.round(t[0]) && Math.round(op[i][1]) == Math.round(t[1]) ? 1 : 0;
                err += (Math.abs(op[i][0] - t[0]) + Math.abs(op[i][1] - t[1])) / 2;
            }
            offAcc = (double) ok / op.length;
            offMae = err / op.length;
        }
        return new Jepa2Metrics.Probes((double) exact / pred.length, mae / pred.length, (double) visible / visHeld.length, auroc,
                hx.size(), offAcc, offMae);
    }

    private static double[][] targets(int[] pos, int[] rows) {
        double[][] y = new double[rows.length * 2][2];
        for (int k = 0; k < rows.length; k++) {
            for (int i = 0; i < 2; i++) {
                y[2 * k + i][0] = pos[(rows[k] * 2 + i) * 2];
                y[2 * k + i][1] = pos[(rows[k] * 2 + i) * 2 + 1];
            }
        }
        return y;
    }

    private static boolean[] visible(byte[] msg, int[] rows, int m) {
        boolean[] out = new boolean[rows.length * 2];
        for (int k = 0; k < rows.length; k++) {
            for (int i = 0; i < 2; i++) {
                out[2 * k + i] = RowLatents.goalCell(msg, rows[k], i, m) >= 0;
            }
        }
        return out;
    }

    private static void collectOffsets(byte[] msg, int[] rows, double[][] x, int m, int v, List<double[]> xs, List<double[]> ys) {
        int half = v / 2;
        for (int k = 0; k < rows.length; k++) {
            for (int i = 0; i < 2; i++) {
                int c = RowLatents.goalCell(msg, rows[k], i, m);
                if (c >= 0) {
                    xs.add(x[2 * k + i]);
                    ys.add(new double[] {c % v - half, c / v - half});
                }
            }
        }
    }
}
