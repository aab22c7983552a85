package dev.mawm.export.bundle;

import dev.mawm.envs.grid2.Grid2Actions;
import dev.mawm.envs.grid2.Grid2Message;
import dev.mawm.envs.grid2.Grid2Palette;
import dev.mawm.envs.grid2.Grid2View;
import dev.mawm.envs.grid2.Grid2World;
import dev.mawm.envs.grid2.GridPos;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Golden transitions of family {@code jepa2} on both sides of the arrival head's decision: real grid2 observations
 * instead of noise, which never shows an arrival. A seeded pool of {@value #MAPS} generated maps gives three
 * candidate transitions each: an agent on a cell next to the goal moving onto it (a first arrival), the same agent
 * taking another action (a near miss), and the agent on its start cell taking a random action. Each candidate is the
 * agent's rendered view ({@link Grid2Palette}, as the environment renders it), its cell, its action, and the other
 * agent's message (its window, then its cell when messages carry it). The reference's encoder and {@code reward} head
 * score them; the golden rows are {@code ceil(B/2)} candidates with {@code reward < 0.5} (those taking an action no
 * chosen row takes first, then in pool order) followed by the first {@code floor(B/2)} with {@code reward ≥ 0.5}.
 *
 * <p>The {@code done} head is not balanced this way: an episode ends when both agents have arrived or at the step
 * limit, neither of which one agent's latent and action show (the other agent on the goal is drawn as the goal), so a
 * trained {@code done} head stays far below 0.5 everywhere (measured on the shipped grid2-jepa2: at most 0.06). Its
 * golden rows still hold the arrivals, where it is highest.
 */
public final class ArrivalTransitions {
    /** Generated maps in the pool. */
    static final int MAPS = 64;
    /** The four moves (every action but stay). */
    private static final int MOVES = Grid2Actions.COUNT - 1;

    private ArrivalTransitions() {
    }

    /**
     * @param graphs    the bundle's component graphs
     * @param weights   the trained parameters
     * @param reference computes the heads (TensorFlow in production)
     * @param grid      the gridworld the model was trained on (its size, view and pixels match the model's dims)
     * @param batch     the golden batch B, ≥ 2
     * @param seed      the golden seed
     * @return {@code image}, {@code pos}, {@code action} and {@code message} of B transitions by tensor name, or empty
     *     when the bundle has no encoder + reward head
     * @throws BundleException (rule {@link BundleRule#GOLDEN_COVERAGE}) when too few candidates lie on one side
     */
    public static Map<String, ArrayTensor> select(List<ComponentGraph> graphs, Map<String, FloatTensor> weights,
                                                  GoldenReference reference, Grid2Config grid, int batch, long seed) {
        ComponentGraph encoder = find(graphs, Names.ENCODER);
        ComponentGraph reward = find(graphs, Names.REWARD);
        if (encoder == null || reward == null) {
            return Map.of();
        }
        Pool pool = Pool.of(grid, seed);
        List<ArrayTensor> latent = reference.run(encoder, weights, List.of(pool.images(), pool.positions()));
        float[] p = reference.run(reward, weights, List.of(latent.get(0), pool.actions())).get(0).floats();
        List<Integer> below = new ArrayList<>();
        List<Integer> above = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            (p[i] < GoldenSpec.DECISION_THRESHOLD ? below : above).add(i);
        }
        int wantBelow = (batch + 1) / 2;
        int wantAbove = batch / 2;
        if (below.size() < wantBelow || above.size() < wantAbove) {
            throw new BundleException(BundleRule.GOLDEN_COVERAGE, "the checkpoint's reward (arrival) head gives reward >= 0.5 on "
                    + above.size() + " and < 0.5 on " + below.size() + " of " + pool.size() + " grid2 transitions ("
                    + pool.arrivals() + " of them first arrivals at the goal, on " + MAPS + " generated " + grid.width() + "x"
                    + grid.height() + " maps); golden files need " + wantAbove + " and " + wantBelow + " to exercise both "
                    + "sides of the decision (an arrival head that never fires is not a trained one: train longer; a --quick "
                    + "run's head does not fire yet)");
        }
        List<Integer> high = above.subList(0, wantAbove);
        Set<Integer> taken = new LinkedHashSet<>();
        high.forEach(i -> taken.add(pool.action(i)));
        List<Integer> rows = new ArrayList<>();
        for (int i : below) {
            if (rows.size() < wantBelow && taken.add(pool.action(i))) {
                rows.add(i);
            }
        }
        for (int i : below) {
            if (rows.size() < wantBelow && !rows.contains(i)) {
                rows.add(i);
            }
        }
        rows.addAll(high);
        return pool.rows(rows);
    }

    /**
     * @param grid the gridworld
     * @param seed the golden seed
     * @return every candidate transition the golden rows are chosen from, as tensors by name: {@code image}
     *     [P,3,S,S], {@code pos} [P,2], {@code action} [P], {@code message} [P,M] (P = 2 or 3 per map)
     */
    public static Map<String, ArrayTensor> candidates(Grid2Config grid, long seed) {
        Pool pool = Pool.of(grid, seed);
        return pool.rows(Pool.range(pool.size()));
    }

    private static ComponentGraph find(List<ComponentGraph> graphs, String name) {
        return graphs.stream().filter(g -> g.name().equals(name)).findFirst().orElse(null);
    }

    /** The candidate transitions: per candidate the agent's view, cell and action, and the other agent's message. */
    private static final class Pool {
        private final Grid2Config grid;
        private final List<float[]> views = new ArrayList<>();
        private final List<GridPos> cells = new ArrayList<>();
        private final List<Integer> moves = new ArrayList<>();
        private final List<int[]> messages = new ArrayList<>();
        private int arrivals;

        private Pool(Grid2Config grid) {
            this.grid = grid;
        }

        static Pool of(Grid2Config grid, long seed) {
            SplittableRandom rng = new SplittableRandom(seed ^ 0xa221_7a15L);
            Pool pool = new Pool(grid);
            for (int m = 0; m < MAPS; m++) {
                Grid2World world = Grid2World.generate(grid, rng.nextLong());
                GridPos goal = world.goal();
                GridPos other = world.start(1);
                int first = rng.nextInt(MOVES);
                for (int k = 0; k < MOVES; k++) {
                    int into = 1 + (first + k) % MOVES;
                    GridPos next = new GridPos(goal.x() - Grid2Actions.dx(into), goal.y() - Grid2Actions.dy(into));
                    if (world.walkable(next.x(), next.y())) {
                        pool.add(world, next, into, other);
                        pool.add(world, next, (into + 1 + rng.nextInt(MOVES)) % Grid2Actions.COUNT, other);
                        break;
                    }
                }
                pool.add(world, world.start(0), rng.nextInt(Grid2Actions.COUNT), other);
            }
            return pool;
        }

        /** @return how many candidates are first arrivals (the move enters the goal) */
        int arrivals() {
            return arrivals;
        }

        private void add(Grid2World world, GridPos self, int action, GridPos other) {
            GridPos to = new GridPos(self.x() + Grid2Actions.dx(action), self.y() + Grid2Actions.dy(action));
            arrivals += to.equals(world.goal()) && !self.equals(world.goal()) ? 1 : 0;
            views.add(Grid2Palette.renderFloat(Grid2View.window(world, self, other, grid.viewSize()), grid.viewSize(),
                    grid.pixelsPerCell()));
            cells.add(self);
            moves.add(action);
            int[] window = Grid2View.window(world, other, self, grid.viewSize());
            messages.add(grid.messagePosition() ? Grid2Message.withPosition(window, other) : window);
        }

        int size() {
            return views.size();
        }

        int action(int i) {
            return moves.get(i);
        }

        ArrayTensor images() {
            return images(range(size()));
        }

        ArrayTensor positions() {
            return positions(range(size()));
        }

        ArrayTensor actions() {
            return actions(range(size()));
        }

        Map<String, ArrayTensor> rows(List<Integer> rows) {
            Map<String, ArrayTensor> out = new LinkedHashMap<>();
            out.put(Jepa2Names.IMAGE, images(rows));
            out.put(Jepa2Names.POS, positions(rows));
            out.put(Names.ACTION, actions(rows));
            int len = messages.get(0).length;
            int[] msg = new int[rows.size() * len];
            for (int r = 0; r < rows.size(); r++) {
                System.arraycopy(messages.get(rows.get(r)), 0, msg, r * len, len);
            }
            out.put(Jepa2Names.MESSAGE, ArrayTensor.ofInts(msg, rows.size(), len));
            return out;
        }

        private ArrayTensor images(List<Integer> rows) {
            int px = views.get(0).length;
            float[] v = new float[rows.size() * px];
            for (int r = 0; r < rows.size(); r++) {
                System.arraycopy(views.get(rows.get(r)), 0, v, r * px, px);
            }
            int side = grid.viewSize() * grid.pixelsPerCell();
            return ArrayTensor.ofFloats(v, rows.size(), 3, side, side);
        }

        private ArrayTensor positions(List<Integer> rows) {
            float[] v = new float[2 * rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                v[2 * r] = cells.get(rows.get(r)).x();
                v[2 * r + 1] = cells.get(rows.get(r)).y();
            }
            return ArrayTensor.ofFloats(v, rows.size(), 2);
        }

        private ArrayTensor actions(List<Integer> rows) {
            int[] v = new int[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                v[r] = moves.get(rows.get(r));
            }
            return ArrayTensor.ofInts(v, rows.size());
        }

        private static List<Integer> range(int n) {
            List<Integer> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                all.add(i);
            }
            return all;
        }
    }
}
