package dev.mawm.training.jepa2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.collect.DatasetCollector;
import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.SequenceBatch;
import dev.mawm.envs.grid2.program.ProgramCodec;
import dev.mawm.envs.grid2.program.ProgramSpace;
import dev.mawm.envs.grid2.program.ProgramWindows;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.config.Jepa2LossConfig;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import dev.mawm.models.progress.ProgressListener;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodecMixTest {
    @TempDir
    Path dir;

    private Jepa2Data data() throws Exception {
        Path f = dir.resolve("g.mawmds");
        DatasetCollector.grid2(Grid2Config.defaults(), new CollectConfig(6, "mixed:0.3", 3), f, ProgressListener.NONE);
        return Jepa2Data.split(Dataset.read(f), 0.2, 0);
    }

    @Test
    void mixedMessagesAreWhatSomeProgramLDeliversAndTheLabelsStayRaw() throws Exception {
        Jepa2Data d = data();
        Jepa2Dims dims = d.dims();
        SequenceBatch sb = d.trainBuffer(1).sample(10, 4, new SplittableRandom(1));
        Jepa2Batch raw = Jepa2Batch.of(sb, dims, true, 0.0, 0.0, new SplittableRandom(5));
        Jepa2Batch none = Jepa2Batch.of(sb, dims, true, 0.0, 0.0, 0.0, new SplittableRandom(5));
        assertArrayEquals(raw.message(), none.message()); // codecMix 0 = the batch of before, same draws
        Jepa2Batch mixed = Jepa2Batch.of(sb, dims, true, 0.0, 0.0, 1.0, new SplittableRandom(5));
        assertArrayEquals(raw.blocked(), mixed.blocked());
        assertArrayEquals(raw.arrivals(), mixed.arrivals());
        ProgramSpace space = new ProgramSpace(dims.viewSize(), dims.width(), dims.height(), dims.messagePosition());
        int len = dims.messageLength();
        int unknown = 0;
        for (int r = 0; r < raw.message().length / len; r++) {
            int[] m = Arrays.copyOfRange(raw.message(), r * len, (r + 1) * len);
            int[] got = Arrays.copyOfRange(mixed.message(), r * len, (r + 1) * len);
            boolean some = false;
            for (int l = 1; l <= Jepa2LossConfig.CODEC_MIX_MAX_TOKENS && !some; l++) {
                some = Arrays.equals(got, ProgramCodec.limited(space, l).transmit(m));
            }
            assertTrue(some, "row " + r + " is no program:L of its raw message");
            unknown += (int) Arrays.stream(got).limit(dims.cells()).filter(v -> v == ProgramWindows.UNKNOWN).count();
        }
        assertTrue(unknown > 0, "program:L leaves cells unknown");
        // the cells-mode predictor hears the coded windows too
        assertEquals(mixed.message()[len], mixed.predMessage()[0]);
        assertArrayEquals(mixed.message(), Jepa2Batch.of(sb, dims, true, 0.0, 0.0, 1.0, new SplittableRandom(5)).message());
    }

    @Test
    void aShareMixesAboutThatShareOfTheRows() throws Exception {
        Jepa2Data d = data();
        Jepa2Dims dims = d.dims();
        SequenceBatch sb = d.trainBuffer(1).sample(20, 4, new SplittableRandom(2));
        int[] raw = Jepa2Batch.of(sb, dims, false, 0.0, 0.0, new SplittableRandom(3)).message();
        int[] half = Jepa2Batch.of(sb, dims, false, 0.0, 0.0, 0.5, new SplittableRandom(3)).message();
        int len = dims.messageLength();
        int changed = 0;
        for (int r = 0; r < raw.length / len; r++) {
            changed += Arrays.equals(raw, r * len, (r + 1) * len, half, r * len, (r + 1) * len) ? 0 : 1;
        }
        int rows = raw.length / len;
        assertTrue(changed > rows / 4 && changed < 3 * rows / 4, changed + " of " + rows + " rows changed");
    }

    @Test
    void paddingRowsAfterAnEpisodesEndAreLeftAsTheyAre() throws Exception {
        Jepa2Data d = data();
        Jepa2Dims dims = d.dims();
        SequenceBatch sb = d.trainBuffer(1).sample(4, 64, new SplittableRandom(4)); // longer than any episode (40 steps)
        Jepa2Batch raw = Jepa2Batch.of(sb, dims, false, 0.0, 0.0, new SplittableRandom(6));
        Jepa2Batch mixed = Jepa2Batch.of(sb, dims, false, 0.0, 0.0, 1.0, new SplittableRandom(6));
        int len = dims.messageLength();
        int padded = 0;
        for (int r = 0; r < raw.message().length / len; r++) {
            if (raw.mask()[r / 2] == 0f) {
                padded++;
                assertTrue(Arrays.equals(raw.message(), r * len, (r + 1) * len, mixed.message(), r * len, (r + 1) * len), "row " + r);
            }
        }
        assertTrue(padded > 0, "the windows hold padding");
    }
}
