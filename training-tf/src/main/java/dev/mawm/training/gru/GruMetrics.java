package dev.mawm.training.gru;

import dev.mawm.models.checkpoint.Moments;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.nn.gru.GruSequence;
import dev.mawm.training.data.WindowBatch;
import dev.mawm.training.tf.Feeds;
import dev.mawm.training.tf.Tensors;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;

/**
 * Quality figures of a trained {@code gru} model on the validation windows (double precision): the state
 * loss in normalized-change units against two baselines — predicting the training mean change (the
 * predict-the-mean baseline, loss ≈ 1) and predicting no change — and the next-observation error normalized
 * by each dimension's variance.
 */
final class GruMetrics {
    private final GruTask task;
    private final Session session;
    private final GruSequence<Operand<?>> out;
    private final Moments delta;

    GruMetrics(GruTask task, Session session, GruSequence<Operand<?>> out, Normalization norm) {
        this.task = task;
        this.session = session;
        this.out = out;
        this.delta = norm.get(Normalization.DELTA);
    }

    Map<String, Object> compute() {
        int s = task.validation().obsDim();
        float[] dMean = delta.mean();
        float[] dStd = delta.std();
        double se = 0;
        double seMean = 0;
        double seCopy = 0;
        double seReward = 0;
        long steps = 0;
        double[] seNext = new double[s];
        double[] sumNext = new double[s];
        double[] sqNext = new double[s];
        for (GruTask.ValChunk c : task.valChunks()) {
            WindowBatch b = c.batch();
            float[] pred;
            float[] rew;
            try (Feeds f = task.evalFeeds(b); Result r = f.applyTo(session.runner()).fetch(out.deltaNormalized()).fetch(out.reward()).run()) {
                pred = Tensors.toFloats(r.get(0));
                rew = Tensors.toFloats(r.get(1));
            }
            for (int row = 0; row < b.mask().length; row++) {
                if (b.mask()[row] == 0f) {
                    continue;
                }
                steps++;
                double re = rew[row] - b.reward()[row];
                seReward += re * re;
                for (int d = 0; d < s; d++) {
                    int i = row * s + d;
                    double target = b.delta()[i];
                    double e = pred[i] - target;
                    se += e * e;
                    seMean += target * target;
                    double copy = -dMean[d] / (double) dStd[d] - target;
                    seCopy += copy * copy;
                    double nextPred = b.obs()[i] + pred[i] * (double) dStd[d] + dMean[d];
                    double ne = nextPred - b.next()[i];
                    seNext[d] += ne * ne;
                    sumNext[d] += b.next()[i];
                    sqNext[d] += (double) b.next()[i] * b.next()[i];
                }
            }
        }
        double n = (double) steps * s;
        double normNext = 0;
        for (int d = 0; d < s; d++) {
            double mean = sumNext[d] / steps;
            double var = Math.max(sqNext[d] / steps - mean * mean, 1e-12);
            normNext += seNext[d] / steps / var / s;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trainEpisodes", task.training().episodeCount());
        m.put("trainTransitions", task.training().size());
        m.put("valEpisodes", task.validation().episodeCount());
        m.put("valTransitions", steps);
        m.put("valStateLoss", se / n);
        m.put("meanBaselineStateLoss", seMean / n);
        m.put("copyBaselineStateLoss", seCopy / n);
        m.put("stateLossRatioToMeanBaseline", (se / n) / (seMean / n));
        m.put("oneStepNormalizedMse", normNext);
        m.put("rewardMse", seReward / steps);
        return m;
    }
}
