package dev.mawm.envs.grid2;

import dev.mawm.envs.Seeds;
import dev.mawm.models.config.Grid2Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The oracle table of DESIGN §9, deterministic: episode e plays on
 * {@code Grid2Scenarios.goalSeenByExactlyOne(config, e)} (comm scenarios) or on
 * {@code Grid2World.generate(config, Seeds.mix(RANDOM_SEED, e))} (random maps). Shared by the tests
 * and {@link #main}, which prints the 300-episode table.
 */
final class OracleBenchmark {
    static final long RANDOM_SEED = 20_240_601L;
    /** The rows: label, then whether it is informed, the schedule and the message form. */
    static final String[] LABELS = {"full-map oracle", "informed first (51)", "informed none", "informed first (49, no position)",
        "informed every (51)", "informed every (49, no position)"};

    /** One row's result. */
    record Row(String label, double success, double spl, double steps, double messages, double placed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "| %-33s | %.3f | %.3f | %5.1f | %5.1f | %5.1f |", label, success, spl, steps, messages, placed);
        }
    }

    private OracleBenchmark() {
    }

    static Grid2World world(Grid2Config cfg, boolean scenarios, int e) {
        return scenarios ? Grid2Scenarios.goalSeenByExactlyOne(cfg, e).world() : Grid2World.generate(cfg, Seeds.mix(RANDOM_SEED, e));
    }

    static TeamEpisode play(int row, Grid2World world, Grid2Config cfg) {
        Grid2Config bare = new Grid2Config(cfg.width(), cfg.height(), cfg.wallDensity(), cfg.items(), cfg.stepLimit(),
                cfg.viewSize(), cfg.pixelsPerCell(), cfg.shapingScale(), false);
        Grid2Config with = new Grid2Config(cfg.width(), cfg.height(), cfg.wallDensity(), cfg.items(), cfg.stepLimit(),
                cfg.viewSize(), cfg.pixelsPerCell(), cfg.shapingScale(), true);
        return switch (row) {
            case 0 -> TeamRollout.fullMap(new Grid2Env(world, with), null);
            case 1 -> TeamRollout.informed(new Grid2Env(world, with), CommSchedule.first(), null);
            case 2 -> TeamRollout.informed(new Grid2Env(world, with), CommSchedule.none(), null);
            case 3 -> TeamRollout.informed(new Grid2Env(world, bare), CommSchedule.first(), null);
            case 4 -> TeamRollout.informed(new Grid2Env(world, with), CommSchedule.every(), null);
            case 5 -> TeamRollout.informed(new Grid2Env(world, bare), CommSchedule.every(), null);
            default -> throw new IllegalArgumentException("row " + row);
        };
    }

    static List<Row> table(Grid2Config cfg, boolean scenarios, int episodes) {
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < LABELS.length; r++) {
            double succ = 0;
            double spl = 0;
            double steps = 0;
            double msgs = 0;
            double placed = 0;
            for (int e = 0; e < episodes; e++) {
                TeamEpisode ep = play(r, world(cfg, scenarios, e), cfg);
                succ += ep.success() ? 1 : 0;
                spl += ep.spl();
                steps += ep.steps();
                msgs += ep.messagesSent();
                placed += ep.messagesPlaced();
            }
            rows.add(new Row(LABELS[r], succ / episodes, spl / episodes, steps / episodes, msgs / episodes, placed / episodes));
        }
        return rows;
    }

    static Grid2Config comm() {
        return new Grid2Config(21, 21, 0.15, 0, 30, 7, 4, 0.1, true);
    }

    /**
     * Prints the tables.
     *
     * @param args optional episode count (default 300)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        String head = "| policy                            | team success | mean SPL | steps | msgs sent | msgs placed |";
        Object[][] sets = {
            {"comm scenarios, 21x21, density 0.15, 30 steps", comm(), true},
            {"random maps, 21x21, density 0.15, 30 steps", comm(), false},
            {"comm scenarios, 11x11 defaults, 40 steps", Grid2Config.defaults(), true},
            {"random maps, 11x11 defaults, 40 steps", Grid2Config.defaults(), false}};
        for (Object[] set : sets) {
            System.out.println("\n" + set[0] + ", " + n + " episodes\n" + head);
            for (Row row : table((Grid2Config) set[1], (Boolean) set[2], n)) {
                System.out.println(row);
            }
        }
    }
}
