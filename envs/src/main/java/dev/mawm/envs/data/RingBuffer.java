package dev.mawm.envs.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed-capacity ring buffer of steps with episode ids, and episode-safe sequence sampling.
 *
 * <p>Each {@link #add} writes one step (one value per field) at the write pointer, overwriting the
 * oldest step when full. Consecutive steps with the same episode id form one episode run.
 * {@link #sample} returns windows that lie inside one run and never span the write pointer
 * (unlike seed 001's sampler, which drew {@code i ∈ [0, size − L)} regardless of both):
 * <ul>
 *   <li>a run of n ≥ L stored steps offers the n − L + 1 full windows inside it;</li>
 *   <li>a run shorter than L offers one short window (all its steps), padded with zeros and
 *       marked by mask 0.</li>
 * </ul>
 * Windows are drawn uniformly among these candidates from a seeded generator.
 */
public final class RingBuffer {
    private final int capacity;
    private final List<FieldSpec> fields;
    private final Object[] storage;        // per field: [capacity, elements]
    private final long[] slotEpisode;      // [capacity]
    private final ArrayDeque<Run> runs = new ArrayDeque<>();
    private final SplittableRandom rng;
    private long written;

    private static final class Run {
        final long episode;
        long start;   // global index of the oldest stored step
        int length;

        Run(long episode, long start) {
            this.episode = episode;
            this.start = start;
        }
    }

    /**
     * @param capacity maximal number of stored steps, ≥ 1
     * @param fields   the per-step fields (unique names)
     * @param seed     seed of the sampling generator
     */
    public RingBuffer(int capacity, List<FieldSpec> fields, long seed) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ring buffer capacity must be ≥ 1, got " + capacity);
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("ring buffer needs at least one field");
        }
        this.capacity = capacity;
        this.fields = List.copyOf(fields);
        this.storage = new Object[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (fields.get(j).name().equals(fields.get(i).name())) {
                    throw new IllegalArgumentException("ring buffer field '" + fields.get(i).name() + "' is declared twice");
                }
            }
            long n = (long) capacity * fields.get(i).elements();
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("ring buffer field '" + fields.get(i).name() + "' needs " + n
                        + " elements, more than a Java array holds; lower the capacity");
            }
            storage[i] = fields.get(i).dtype().allocate((int) n);
        }
        this.slotEpisode = new long[capacity];
        this.rng = new SplittableRandom(seed);
    }

    /**
     * Appends one step.
     *
     * @param episodeId the step's episode; a step with a different id than the previous one starts a new episode
     * @param values    one array per field, in field order, of the field's dtype and per-step length
     * @throws IllegalArgumentException for a wrong number, type or length of values
     */
    public void add(long episodeId, Object... values) {
        if (values.length != fields.size()) {
            throw new IllegalArgumentException("ring buffer add needs " + fields.size() + " values (one per field "
                    + fields.stream().map(FieldSpec::name).toList() + "), got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            fields.get(i).check(values[i]);
        }
        if (written >= capacity) {
            Run oldest = runs.peekFirst();
            oldest.start++;
            oldest.length--;
            if (oldest.length == 0) {
                runs.pollFirst();
            }
        }
        int slot = (int) (written % capacity);
        for (int i = 0; i < values.length; i++) {
            int n = fields.get(i).elements();
            System.arraycopy(values[i], 0, storage[i], slot * n, n);
        }
        slotEpisode[slot] = episodeId;
        Run last = runs.peekLast();
        if (last == null || last.episode != episodeId || last.start + last.length != written) {
            last = new Run(episodeId, written);
            runs.addLast(last);
        }
        last.length++;
        written++;
    }

    /**
     * Samples windows of up to {@code seqLen} consecutive steps of one episode.
     *
     * @param batch  number of windows, ≥ 1
     * @param seqLen steps per window, ≥ 1
     * @return the batch with mask and provenance
     * @throws IllegalArgumentException for non-positive sizes
     * @throws IllegalStateException    when the buffer is empty
     */
    public SequenceBatch sample(int batch, int seqLen) {
        return sample(batch, seqLen, rng);
    }

    /**
     * Samples windows like {@link #sample(int, int)}, drawing from a caller's generator instead of the
     * buffer's own, so a batch depends only on that generator (e.g. one seeded per training step, for
     * exactly resumable runs).
     *
     * @param batch  number of windows, ≥ 1
     * @param seqLen steps per window, ≥ 1
     * @param rng    the generator to draw from (consumed)
     * @return the batch with mask and provenance
     * @throws IllegalArgumentException for non-positive sizes
     * @throws IllegalStateException    when the buffer is empty
     */
    public SequenceBatch sample(int batch, int seqLen, SplittableRandom rng) {
        if (batch < 1 || seqLen < 1) {
            throw new IllegalArgumentException("sample needs batch ≥ 1 and seqLen ≥ 1, got batch " + batch + ", seqLen " + seqLen);
        }
        if (written == 0) {
            throw new IllegalStateException("cannot sample from an empty ring buffer");
        }
        List<Run> list = new ArrayList<>(runs);
        long[] cumulative = new long[list.size()];   // candidates up to and including run i
        long total = 0;
        for (int i = 0; i < list.size(); i++) {
            int n = list.get(i).length;
            total += n >= seqLen ? n - seqLen + 1 : 1;
            cumulative[i] = total;
        }
        Object[] data = new Object[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            data[f] = fields.get(f).dtype().allocate(batch * seqLen * fields.get(f).elements());
        }
        float[] mask = new float[batch * seqLen];
        int[] lengths = new int[batch];
        long[] episodes = new long[batch];
        long[] indices = new long[batch * seqLen];
        java.util.Arrays.fill(indices, -1L);
        for (int b = 0; b < batch; b++) {
            long pick = rng.nextLong(total);
            int r = upperBound(cumulative, pick);
            Run run = list.get(r);
            long offset = pick - (r == 0 ? 0 : cumulative[r - 1]);
            long start = run.start + offset;
            int len = Math.min(seqLen, run.length);
            lengths[b] = len;
            episodes[b] = run.episode;
            for (int t = 0; t < len; t++) {
                int slot = (int) ((start + t) % capacity);
                int row = b * seqLen + t;
                mask[row] = 1f;
                indices[row] = start + t;
                for (int f = 0; f < fields.size(); f++) {
                    int n = fields.get(f).elements();
                    System.arraycopy(storage[f], slot * n, data[f], row * n, n);
                }
            }
        }
        return new SequenceBatch(batch, seqLen, fields, data, mask, lengths, episodes, indices);
    }

    private static int upperBound(long[] cumulative, long pick) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > pick) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Loads every row of a dataset (capacity = its row count), with its {@code episode} column as
     * episode ids and all of its fields except {@code episode}.
     *
     * @param dataset a dataset with an i32 {@code episode} column
     * @param seed    sampling seed
     * @return the filled buffer
     */
    public static RingBuffer of(Dataset dataset, long seed) {
        List<String> names = new ArrayList<>();
        for (FieldSpec f : dataset.header().fields()) {
            if (!f.name().equals(DatasetSchema.EPISODE)) {
                names.add(f.name());
            }
        }
        int[] all = new int[(int) dataset.header().episodes()];
        for (int e = 0; e < all.length; e++) {
            all[e] = e;
        }
        return of(dataset, names, all, seed);
    }

    /**
     * Loads chosen episodes and fields of a dataset (e.g. a training split); capacity = their row count.
     *
     * @param dataset  a dataset with an i32 {@code episode} column counting up from 0
     * @param fields   the field names to keep, in the buffer's field order
     * @param episodes the episode indices to load, in this order (episode ids in the buffer = these indices)
     * @param seed     sampling seed
     * @return the filled buffer
     * @throws IllegalArgumentException for an unknown field or an episode index out of range
     */
    public static RingBuffer of(Dataset dataset, List<String> fields, int[] episodes, long seed) {
        int[] starts = dataset.episodeStarts();
        List<FieldSpec> specs = new ArrayList<>();
        List<Object> cols = new ArrayList<>();
        for (String name : fields) {
            specs.add(dataset.header().field(name));
            cols.add(dataset.column(name).data());
        }
        long rows = 0;
        for (int e : episodes) {
            if (e < 0 || e >= starts.length - 1) {
                throw new IllegalArgumentException("episode " + e + " is out of range 0.." + (starts.length - 2));
            }
            rows += starts[e + 1] - starts[e];
        }
        if (rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many rows for one ring buffer: " + rows);
        }
        RingBuffer buffer = new RingBuffer((int) Math.max(1, rows), specs, seed);
        Object[] row = new Object[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            row[i] = specs.get(i).dtype().allocate(specs.get(i).elements());
        }
        for (int e : episodes) {
            for (int r = starts[e]; r < starts[e + 1]; r++) {
                for (int i = 0; i < specs.size(); i++) {
                    int n = specs.get(i).elements();
                    System.arraycopy(cols.get(i), r * n, row[i], 0, n);
                }
                buffer.add(e, row);
            }
        }
        return buffer;
    }

    /** @return number of stored steps (≤ capacity) */
    public int size() {
        return (int) Math.min(written, capacity);
    }

    /** @return the capacity */
    public int capacity() {
        return capacity;
    }

    /** @return total steps ever added; the next step gets this global index */
    public long written() {
        return written;
    }

    /** @return the fields */
    public List<FieldSpec> fields() {
        return fields;
    }

    /** @return number of episode runs currently stored (complete, partly overwritten or in progress) */
    public int episodeRuns() {
        return runs.size();
    }

    /**
     * @param globalIndex a global insertion index still stored ({@code written − size ≤ i < written})
     * @return the episode id stored with that step
     * @throws IllegalArgumentException when the step is not (or no longer) stored
     */
    public long episodeAt(long globalIndex) {
        if (globalIndex < written - size() || globalIndex >= written) {
            throw new IllegalArgumentException("step " + globalIndex + " is not stored; stored steps are "
                    + (written - size()) + ".." + (written - 1));
        }
        return slotEpisode[(int) (globalIndex % capacity)];
    }
}
