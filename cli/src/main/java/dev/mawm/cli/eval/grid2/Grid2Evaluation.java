package dev.mawm.cli.eval.grid2;

import dev.mawm.envs.grid2.program.MessageCodec;
import dev.mawm.envs.grid2.program.ProgramCodec;
import dev.mawm.models.config.CemConfig;
import dev.mawm.models.progress.ProgressListener;
import dev.mawm.planner.team.AgentPlanner;
import dev.mawm.planner.team.CommMode;
import dev.mawm.planner.team.TeamModel;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.EngineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid2 evaluation of a bundle: random, the full-map oracle, then per communication mode the
 * information-limited oracle and the decentralized planner on the bundle, all on the same seeded episodes. The
 * planner's team model is chosen by the bundle's family ({@link Grid2TeamModel}: jepa2 or iris). With
 * codecs ({@code --codec}), the oracle and the planner of every codec × mode instead, messages sent through the codec.
 *
 * @param results every policy's figures, in table order
 * @param gifs    the GIF of each policy's first episode, in the same order (null entries when none was written)
 * @param seconds wall time
 * @param revisitPenalty the planners' revisit penalty
 * @param codecs  per codec × mode (codec-major, in the order given), the planner's and the oracle's figures; empty
 *                without codecs
 */
public record Grid2Evaluation(List<Grid2PolicyResult> results, List<Path> gifs, double seconds, double revisitPenalty,
                              List<Grid2CodecResult> codecs) {
    /**
     * The planner's default revisit penalty ({@link AgentPlanner#AgentPlanner(CemConfig, dev.mawm.planner.team.TeamModel,
     * CommMode, double)}), as text for the CLI's option default; measured in docs/grid2-planning.md.
     */
    public static final String DEFAULT_REVISIT_PENALTY = "0.5";

    /**
     * @param bundleDir the bundle (family jepa2 or iris)
     * @param eval      environment, scenario, episodes, seed
     * @param cem       planner settings (horizon = the bundle's rollout horizon)
     * @param modes     communication modes to evaluate
     * @param revisitPenalty the planners' revisit penalty (0: memoryless agents)
     * @param engine    ONNX Runtime options
     * @param gifDir    directory for one GIF per policy, or null for none
     * @param progress  one bar per policy
     * @return the figures
     */
    public static Grid2Evaluation run(Path bundleDir, Grid2Eval eval, CemConfig cem, List<CommMode> modes, double revisitPenalty,
                                      EngineOptions engine, Path gifDir, ProgressListener progress) {
        return run(bundleDir, eval, cem, modes, List.of(), revisitPenalty, engine, gifDir, progress);
    }

    /**
     * @param bundleDir the bundle (family jepa2 or iris)
     * @param eval      environment, scenario, episodes, seed
     * @param cem       planner settings (horizon = the bundle's rollout horizon)
     * @param modes     communication modes to evaluate
     * @param codecs    message codecs: empty for the raw message at its estimated size (the mode table); otherwise every
     *                  codec × mode, bits counted from the real messages
     * @param revisitPenalty the planners' revisit penalty (0: memoryless agents)
     * @param engine    ONNX Runtime options
     * @param gifDir    directory for one GIF per policy, or null for none
     * @param progress  one bar per policy
     * @return the figures
     * @throws IllegalArgumentException for a length-limited codec and a bundle whose message encoder has no unknown cell
     */
    public static Grid2Evaluation run(Path bundleDir, Grid2Eval eval, CemConfig cem, List<CommMode> modes, List<MessageCodec> codecs,
                                      double revisitPenalty, EngineOptions engine, Path gifDir, ProgressListener progress) {
        long t0 = System.nanoTime();
        List<Grid2PolicyResult> out = new ArrayList<>();
        List<Path> gifs = new ArrayList<>();
        try (Bundle bundle = Bundle.load(bundleDir, engine)) {
            Grid2TeamModel team = Grid2TeamModel.of(bundle, cem.discount(), eval.config());
            TeamModel model = team.model();
            if (model.messageLength() != eval.config().messageLength()) {
                throw new IllegalArgumentException("bundle " + bundleDir + " takes " + model.messageLength() + "-integer messages but "
                        + "grid2.messagePosition=" + eval.config().messagePosition() + " sends " + eval.config().messageLength());
            }
            List<TeamPolicy> policies = new ArrayList<>(List.of(BaselinePolicies.random(), BaselinePolicies.oracle()));
            List<MessageCodec> each = new ArrayList<>(codecs);
            if (each.isEmpty()) {
                each.add(null);
            }
            for (MessageCodec c : each) {
                if (c instanceof ProgramCodec p && !p.lossless() && !team.readsUnknownCells()) {
                    throw new IllegalArgumentException("message codec " + c.name() + " leaves cells unknown (5), but bundle " + bundleDir
                            + " reads object types 0..4 only (its message encoder was trained without jepa2.loss.codecMix); "
                            + "use raw or program with it, or a bundle trained with jepa2.loss.codecMix > 0");
                }
                for (CommMode m : modes) {
                    policies.add(new InformedTeamPolicy(m, c));
                    policies.add(new PlannerTeamPolicy(model, team.observation(), cem, m, eval.config(), revisitPenalty, c));
                }
            }
            if (gifDir != null) {
                Files.createDirectories(gifDir);
            }
            for (TeamPolicy p : policies) {
                Path gif = gifDir == null ? null : gifDir.resolve("grid2-" + p.name().replace(':', '-') + ".gif");
                out.add(eval.play(p, gif, progress));
                gifs.add(gif);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + gifDir + ": " + e.getMessage(), e);
        }
        List<Grid2CodecResult> byCodec = new ArrayList<>();
        for (int c = 0; c < codecs.size(); c++) {
            for (int m = 0; m < modes.size(); m++) {
                int i = 2 + 2 * (c * modes.size() + m);
                byCodec.add(new Grid2CodecResult(codecs.get(c).name(), modes.get(m).toString(), out.get(i + 1), out.get(i)));
            }
        }
        return new Grid2Evaluation(List.copyOf(out), gifs, (System.nanoTime() - t0) / 1e9, revisitPenalty, List.copyOf(byCodec));
    }
}
