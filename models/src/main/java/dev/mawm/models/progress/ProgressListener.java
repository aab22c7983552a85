package dev.mawm.models.progress;

/**
 * Receives progress of long work (collection, training, export, evaluation) so library modules
 * never print: the CLI renders it as a progress bar, tests and embedders pass {@link #NONE}.
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void step(long done, String extra) {
        }

        @Override
        public void finish() {
        }
    };

    /**
     * Work begins.
     *
     * @param task a short name of the work ("collect", "train mlp")
     * @param total the number of steps expected, or -1 when unknown
     */
    void start(String task, long total);

    /**
     * Progress so far.
     *
     * @param done steps done since {@link #start}
     * @param extra a short status ("loss 0.012  val 0.015"), or empty
     */
    void step(long done, String extra);

    /** Work ended (also called on failure). */
    void finish();
}
