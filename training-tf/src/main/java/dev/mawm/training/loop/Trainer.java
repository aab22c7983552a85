package dev.mawm.training.loop;

import dev.mawm.models.config.TrainConfig;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.progress.ProgressListener;
import dev.mawm.training.tf.Adam;
import dev.mawm.training.tf.Feeds;
import dev.mawm.training.tf.Precision;
import dev.mawm.training.tf.Tensors;
import dev.mawm.training.tf.TfGraph;
import dev.mawm.training.tf.TfOps;
import dev.mawm.training.tf.VariableStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop shared by every family: seeded initialization, Adam steps on task batches,
 * validation every {@code evalEvery} steps and at the last step, early stopping after {@code patience}
 * evaluations without improvement, the best weights kept, and a resumable {@link TrainState} handed out at
 * every evaluation. CPU runs with one thread are bit-reproducible, and resuming from a state gives the same
 * weights as not stopping (batches depend only on the seed and the step).
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private Trainer() {
    }

    /**
     * Trains.
     *
     * @param task the family's task
     * @param config steps, batch, optimizer, seed, evaluation and early stopping, threads
     * @param resume a state to continue from, or {@code null} to start fresh
     * @param progress receives steps and a status with the losses
     * @param onEvaluation receives the state after every evaluation (to save it for {@code --resume})
     * @return the result, with the best weights
     */
    public static TrainResult run(TrainingTask task, TrainConfig config, TrainState resume, ProgressListener progress,
            Consumer<TrainState> onEvaluation) {
        try (TfGraph g = new TfGraph(config.threads())) {
            VariableStore params = new VariableStore(g.tf().withSubScope("params"), task.network().params(), Precision.FLOAT32);
            TfOps ops = new TfOps(g.tf(), Precision.FLOAT32, params);
            Operand<?> loss = task.build(ops);
            Adam adam = Adam.minimize(ops, g.graph(), loss, params,
                    new Adam.Settings(config.lr(), config.beta1(), config.beta2(), config.epsilon()), List.of());
            Session s = g.session();

            long step = 0;
            long bestStep = -1;
            double bestLoss = Double.POSITIVE_INFINITY;
            int bad = 0;
            boolean stopped = false;
            double seconds = 0;
            Map<String, FloatTensor> best = null;
            List<HistoryPoint> history = new ArrayList<>();
            if (resume == null) {
                params.initialize(s, config.seed());
                adam.reset(s);
            } else {
                if (!resume.family().equals(task.family())) {
                    throw new IllegalArgumentException("cannot resume a " + resume.family() + " run as " + task.family());
                }
                params.load(s, resume.weights());
                adam.loadState(s, resume.optimizer());
                step = resume.step();
                bestStep = resume.bestStep();
                bestLoss = resume.bestLoss();
                bad = resume.badEvals();
                stopped = resume.stopped();
                seconds = resume.seconds();
                best = resume.best();
                history.addAll(resume.history());
            }
            long startStep = step;
            long t0 = System.nanoTime();
            double sum = 0;
            int count = 0;
            double lastLoss = Double.NaN;
            TrainState state = resume;
            progress.start("train " + task.family(), config.steps());
            try {
                progress.step(step, "");
                while (step < config.steps() && !stopped) {
                    SplittableRandom rng = new SplittableRandom(stepSeed(config.seed(), step));
                    try (Feeds f = task.batch(step, rng)) {
                        Session.Runner r = f.applyTo(s.runner()).fetch(loss).addTarget(adam.trainOp());
                        try (Result res = r.run()) {
                            lastLoss = Tensors.scalar(res.get(0));
                        }
                    }
                    if (!Double.isFinite(lastLoss)) {
                        throw new IllegalStateException("training diverged at step " + step + ": loss is " + lastLoss
                                + "; lower train.lr (now " + config.lr() + ")");
                    }
                    sum += lastLoss;
                    count++;
                    step++;
                    if (step % config.evalEvery() == 0 || step == config.steps()) {
                        Validation v = task.validate(s);
                        history.add(new HistoryPoint(step, sum / count, v.loss()));
                        sum = 0;
                        count = 0;
                        Map<String, FloatTensor> weights = params.read(s);
                        if (v.loss() < bestLoss) {
                            bestLoss = v.loss();
                            bestStep = step;
                            best = weights;
                            bad = 0;
                        } else if (++bad >= config.patience()) {
                            stopped = true;
                        }
                        double elapsed = seconds + (System.nanoTime() - t0) / 1e9;
                        state = new TrainState(task.family(), step, weights, adam.state(s), best, bestStep, bestLoss, bad,
                                stopped, history, elapsed);
                        onEvaluation.accept(state);
                        LOG.debug("step {} train {} val {} {}", step, history.get(history.size() - 1).trainLoss(), v.loss(), v.figures());
                        progress.step(step, String.format(Locale.ROOT, "loss %.5f val %.5f", lastLoss, v.loss()));
                    } else if (step % 10 == 0) {
                        progress.step(step, String.format(Locale.ROOT, "loss %.5f", lastLoss));
                    }
                }
            } finally {
                progress.finish();
            }
            double runSeconds = (System.nanoTime() - t0) / 1e9;
            if (best == null || state == null) {
                throw new IllegalStateException("no evaluation happened: train.steps must be >= 1");
            }
            params.load(s, best);
            Map<String, Object> figures = task.finalMetrics(s);
            long ran = step - startStep;
            double trainLoss = history.isEmpty() ? Double.NaN : history.get(history.size() - 1).trainLoss();
            return new TrainResult(task.family(), step, bestStep, stopped, seconds + runSeconds, ran > 0 ? ran / runSeconds : 0,
                    trainLoss, bestLoss, history, best, figures, state);
        }
    }

    /**
     * The seed of step {@code step}'s batch generator (SplitMix64 of the run seed and the step).
     *
     * @param seed the run seed
     * @param step the step
     * @return a well-mixed seed
     */
    public static long stepSeed(long seed, long step) {
        long z = seed + 0x9E3779B97F4A7C15L * (step + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
