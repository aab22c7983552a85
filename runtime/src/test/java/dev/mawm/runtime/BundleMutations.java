package dev.mawm.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.io.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a bundle, as a hostile user would make them: truncations and bit flips of any file (with and
 * without the manifest's SHA-256 updated to match), textual damage to {@code bundle.json} (byte flips, duplicated
 * keys), and edits of one manifest value (numbers, strings, path tricks, control characters, removed and unknown keys).
 */
final class BundleMutations {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One mutation.
     *
     * @param target  the file it damages (relative to the bundle), for the message check
     * @param kind    the mutation family, for the counts
     * @param what    a description, for failures
     * @param changed the new content of every file it rewrites (the target and, with a refreshed checksum, the manifest)
     * @param path    for a manifest value edit, the JSON path it edits (e.g. {@code golden[2].tolerance}); else null
     */
    record Mutation(String target, String kind, String what, Map<String, byte[]> changed, String path) {
    }

    private final Map<String, byte[]> files;
    private final String manifest;
    private final SplittableRandom rng;

    /**
     * @param files   every file of the bundle by relative path, the manifest included
     * @param seed    the seed
     */
    BundleMutations(Map<String, byte[]> files, long seed) {
        this.files = files;
        this.manifest = new String(files.get(BundleManifest.FILE_NAME), StandardCharsets.UTF_8);
        this.rng = new SplittableRandom(seed);
    }

    /** @return the next mutation (every one changes at least one byte) */
    Mutation next() {
        int k = rng.nextInt(100);
        if (k < 30) {
            return manifestEdit();
        }
        if (k < 40) {
            return manifestText();
        }
        List<String> others = files.keySet().stream().filter(f -> !f.equals(BundleManifest.FILE_NAME)).toList();
        String file = others.get(rng.nextInt(others.size()));
        byte[] b = files.get(file);
        boolean refresh = rng.nextBoolean();
        byte[] m;
        String what;
        String kind;
        if (rng.nextInt(4) == 0) {
            int len = rng.nextInt(b.length);
            m = Arrays.copyOf(b, len);
            what = "truncated to " + len + " of " + b.length + " bytes";
            kind = "truncate";
        } else {
            m = b.clone();
            int at = rng.nextInt(b.length);
            int bit = rng.nextInt(8);
            m[at] ^= (byte) (1 << bit);
            what = "bit " + bit + " of byte " + at + " flipped";
            kind = "flip";
        }
        Map<String, byte[]> changed = new LinkedHashMap<>();
        changed.put(file, m);
        if (refresh) {
            changed.put(BundleManifest.FILE_NAME, manifest.replace(Sha256.hex(b), Sha256.hex(m)).getBytes(StandardCharsets.UTF_8));
            kind += "+sha";
            what += ", manifest SHA-256 updated";
        }
        return new Mutation(file, kind, file + ": " + what, changed, null);
    }

    private Mutation manifestText() {
        byte[] b = files.get(BundleManifest.FILE_NAME).clone();
        int k = rng.nextInt(3);
        if (k == 0) {
            int at = rng.nextInt(b.length);
            b[at] ^= (byte) (1 << rng.nextInt(8));
            return text(b, "byte-flip", "byte " + at + " flipped");
        }
        if (k == 1) {
            int len = rng.nextInt(b.length);
            return text(Arrays.copyOf(b, len), "truncate", "truncated to " + len + " bytes");
        }
        List<Integer> lines = new ArrayList<>();
        String[] all = manifest.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            if (all[i].trim().startsWith("\"") && all[i].trim().endsWith(",")) {
                lines.add(i);
            }
        }
        int i = lines.get(rng.nextInt(lines.size()));
        all[i] = all[i] + " " + all[i].trim();
        return text(String.join("\n", all).getBytes(StandardCharsets.UTF_8), "duplicate-key", "line " + (i + 1) + " duplicated: "
                + all[i].trim());
    }

    private Mutation text(byte[] b, String kind, String what) {
        return new Mutation(BundleManifest.FILE_NAME, "manifest-" + kind, "bundle.json: " + what,
                Map.of(BundleManifest.FILE_NAME, b), null);
    }

    private Mutation manifestEdit() {
        ObjectNode tree;
        try {
            tree = (ObjectNode) JSON.readTree(manifest);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<Leaf> leaves = new ArrayList<>();
        collect(tree, "", leaves);
        if (rng.nextInt(5) != 0) {
            leaves.removeIf(l -> l.path().startsWith("provenance"));   // free JSON: most of the leaves, least of the rules
        }
        Leaf leaf = leaves.get(rng.nextInt(leaves.size()));
        String path = leaf.path();
        JsonNode parent = leaf.parent();
        String key = leaf.key();
        JsonNode old = parent.isArray() ? parent.get(Integer.parseInt(key)) : parent.get(key);
        JsonNode value = replacement(old);
        String what;
        if (value == null && parent.isObject()) {
            ((ObjectNode) parent).remove(key);
            what = "removed " + path;
        } else if (value == null) {
            ((ArrayNode) parent).remove(Integer.parseInt(key));
            what = "removed " + path;
        } else if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(key), value);
            what = path + ": " + old + " -> " + value;
        } else if (rng.nextInt(8) == 0) {
            ((ObjectNode) parent).set(key + "X", value);
            what = "unknown key " + path + "X";
        } else {
            ((ObjectNode) parent).set(key, value);
            what = path + ": " + old + " -> " + value;
        }
        return new Mutation(BundleManifest.FILE_NAME, "manifest-edit", "bundle.json: " + what,
                Map.of(BundleManifest.FILE_NAME, tree.toPrettyString().getBytes(StandardCharsets.UTF_8)), path);
    }

    /** A different value for a leaf, or null to remove it. */
    private JsonNode replacement(JsonNode old) {
        int k = rng.nextInt(10);
        if (k == 0) {
            return null;
        }
        if (old.isNumber()) {
            double v = old.asDouble();
            double[] options = {v + 1, v - 1, -v - 1, 0, v * 2 + 1, 1L << 40, 0.5, v + 1e-3, 13, Double.MAX_VALUE};
            double n = options[rng.nextInt(options.length)];
            return old.isIntegralNumber() && n == Math.rint(n) && Math.abs(n) < 1e15
                    ? JSON.getNodeFactory().numberNode((long) n) : JSON.getNodeFactory().numberNode(n);
        }
        if (old.isBoolean()) {
            return JSON.getNodeFactory().booleanNode(!old.asBoolean());
        }
        String s = old.asText();
        String[] options = {s + "x", s.isEmpty() ? "x" : s.substring(1), "../" + s, "/tmp/" + s, s + "\r", s.toUpperCase(),
            s.replace('.', '/'), "", s + "\u0000"};
        String n = options[rng.nextInt(options.length)];
        return new TextNode(n.equals(s) ? s + "y" : n);
    }

    /** A leaf value of the manifest: its path, its container and its key (or index) there. */
    private record Leaf(String path, JsonNode parent, String key) {
    }

    private static void collect(JsonNode node, String path, List<Leaf> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getValue().isContainerNode() && !e.getValue().isEmpty()) {
                    collect(e.getValue(), p, out);
                } else {
                    out.add(new Leaf(p, node, e.getKey()));
                }
            });
        } else {
            for (int i = 0; i < node.size(); i++) {
                String p = path + "[" + i + "]";
                if (node.get(i).isContainerNode() && !node.get(i).isEmpty()) {
                    collect(node.get(i), p, out);
                } else {
                    out.add(new Leaf(p, node, Integer.toString(i)));
                }
            }
        }
    }
}
