package dev.mawm.training.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.io.Safetensors;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to resume a run exactly where an evaluation left it: the current weights, the
 * optimizer slots and step count, the best weights so far and the early-stopping counters, and the loss
 * history. Saved as one safetensors file (tensors {@code weights.<param>}, {@code best.<param>} and the
 * optimizer's {@code adam.*}; counters and history in {@code __metadata__}).
 *
 * @param family the model family
 * @param step steps done
 * @param weights current parameter values
 * @param optimizer optimizer slots by name
 * @param best parameter values at the best validation loss
 * @param bestStep the step of {@code best}
 * @param bestLoss the best validation loss
 * @param badEvals evaluations since the best one
 * @param stopped whether early stopping ended the run
 * @param history the evaluations so far
 * @param seconds training wall time so far
 */
public record TrainState(String family, long step, Map<String, FloatTensor> weights, Map<String, FloatTensor> optimizer,
        Map<String, FloatTensor> best, long bestStep, double bestLoss, int badEvals, boolean stopped,
        List<HistoryPoint> history, double seconds) {
    /** The resume file's name in a training output directory. */
    public static final String FILE = "train_state.safetensors";
    private static final String WEIGHTS = "weights.";
    private static final String BEST = "best.";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the collections. */
    public TrainState {
        weights = Map.copyOf(weights);
        optimizer = Map.copyOf(optimizer);
        best = Map.copyOf(best);
        history = List.copyOf(history);
    }

    /**
     * Writes the state atomically.
     *
     * @param file the target file
     */
    public void save(Path file) {
        Map<String, FloatTensor> t = new LinkedHashMap<>();
        weights.forEach((k, v) -> t.put(WEIGHTS + k, v));
        best.forEach((k, v) -> t.put(BEST + k, v));
        t.putAll(optimizer);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "mawm-train-state-1");
        meta.put("family", family);
        meta.put("step", Long.toString(step));
        meta.put("bestStep", Long.toString(bestStep));
        meta.put("bestLoss", Double.toString(bestLoss));
        meta.put("badEvals", Integer.toString(badEvals));
        meta.put("stopped", Boolean.toString(stopped));
        meta.put("seconds", Double.toString(seconds));
        try {
            meta.put("history", JSON.writeValueAsString(history));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the loss history: " + e.getOriginalMessage(), e);
        }
        Safetensors.write(file, t, meta);
    }

    /**
     * Reads a state file.
     *
     * @param file the file
     * @return the state
     * @throws IllegalArgumentException naming the file when it is not a training state
     */
    public static TrainState load(Path file) {
        Safetensors.Contents c = Safetensors.readContents(file);
        Map<String, String> m = c.metadata();
        if (!"mawm-train-state-1".equals(m.get("format"))) {
            throw new IllegalArgumentException(file + " is not a mawm training state (format '" + m.get("format") + "')");
        }
        Map<String, FloatTensor> w = new LinkedHashMap<>();
        Map<String, FloatTensor> b = new LinkedHashMap<>();
        Map<String, FloatTensor> o = new LinkedHashMap<>();
        c.tensors().forEach((k, v) -> {
            if (k.startsWith(WEIGHTS)) {
                w.put(k.substring(WEIGHTS.length()), v);
            } else if (k.startsWith(BEST)) {
                b.put(k.substring(BEST.length()), v);
            } else {
                o.put(k, v);
            }
        });
        try {
            List<HistoryPoint> h = JSON.readValue(m.get("history"), new TypeReference<List<HistoryPoint>>() { });
            return new TrainState(m.get("family"), Long.parseLong(m.get("step")), w, o, b, Long.parseLong(m.get("bestStep")),
                    Double.parseDouble(m.get("bestLoss")), Integer.parseInt(m.get("badEvals")), Boolean.parseBoolean(m.get("stopped")),
                    h, Double.parseDouble(m.get("seconds")));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": invalid training state metadata: " + e.getMessage(), e);
        }
    }
}
