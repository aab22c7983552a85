package dev.mawm.cli;

import dev.mawm.models.progress.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Renders a {@link ProgressListener} as a progress bar on standard error (so {@code --json}
 * output on standard output stays clean). Quiet when {@code quiet} is set.
 */
public final class Progress implements ProgressListener {
    private final boolean quiet;
    private final PrintStream stream;
    private ProgressBar bar;

    /** @param quiet draw nothing (for tests or when asked) */
    public Progress(boolean quiet) {
        this(quiet, System.err);
    }

    /**
     * @param quiet draw nothing
     * @param stream where the bar is drawn
     */
    public Progress(boolean quiet, PrintStream stream) {
        this.quiet = quiet;
        this.stream = stream;
    }

    @Override
    public void start(String task, long total) {
        finish();
        if (quiet) {
            return;
        }
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(stream))
                .build();
    }

    @Override
    public void step(long done, String extra) {
        if (bar != null) {
            bar.stepTo(done);
            if (extra != null && !extra.isEmpty()) {
                bar.setExtraMessage(extra);
            }
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
