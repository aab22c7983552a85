package dev.mawm.cli;

import dev.mawm.models.progress.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Renders a {@link ProgressListener} as a progress bar on standard error (so {@code --json}
 * output on standard output stays clean). On a terminal the bar redraws in place four times a
 * second; when standard error is not a terminal (a log file, CI) it prints one plain line every
 * {@value #PLAIN_INTERVAL_MS} ms instead. Quiet when {@code quiet} is set.
 */
public final class Progress implements ProgressListener {
    /** Update interval when standard error is not a terminal. */
    static final int PLAIN_INTERVAL_MS = 5000;

    private final boolean quiet;
    private final PrintStream stream;
    private ProgressBar bar;

    /**
     * A progress bar on standard error.
     *
     * @param quiet draw nothing (for tests or when asked)
     */
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
        boolean terminal = System.console() != null;
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(terminal ? 250 : PLAIN_INTERVAL_MS)
                .showSpeed()
                .setConsumer(terminal ? new ConsoleProgressBarConsumer(stream)
                        : new DelegatingProgressBarConsumer(stream::println, 100))
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
