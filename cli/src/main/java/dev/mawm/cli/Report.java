package dev.mawm.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a command reports: ordered key/value facts and named tables, printed either as aligned
 * text or, with {@code --json}, as one JSON object (facts as fields, each table as an array of
 * row objects under its name).
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String title;
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();

    /**
     * An empty report.
     *
     * @param title a heading for the text form ("collect", "eval cartpole")
     */
    public Report(String title) {
        this.title = title;
    }

    /**
     * Adds a fact.
     *
     * @param key a lowerCamel key
     * @param value a number, string, boolean, list or map (anything Jackson writes)
     * @return this report
     */
    public Report put(String key, Object value) {
        facts.put(key, value);
        return this;
    }

    /**
     * Adds a table.
     *
     * @param name the table's name (its JSON key)
     * @param columns column names (the JSON keys of each row)
     * @return the new table, to add rows to
     */
    public Table table(String name, String... columns) {
        Table t = new Table(List.of(columns));
        tables.put(name, t);
        return t;
    }

    /**
     * Prints the report.
     *
     * @param out where to print
     * @param json JSON instead of text
     */
    public void print(PrintWriter out, boolean json) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>(facts);
            tables.forEach((name, t) -> doc.put(name, t.asMaps()));
            try {
                out.println(JSON.writeValueAsString(doc));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the report as JSON: " + e.getOriginalMessage(), e);
            }
        } else {
            out.println(title);
            int width = facts.keySet().stream().mapToInt(String::length).max().orElse(0);
            facts.forEach((k, v) -> out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", k, format(v)));
            tables.forEach((name, t) -> {
                out.println();
                t.print(out);
            });
        }
        out.flush();
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, Math.abs(d) >= 1e4 || (Math.abs(d) < 1e-3 && d != 0) ? "%.4g" : "%.4f", d);
        }
        if (v instanceof Float f) {
            return format(f.doubleValue());
        }
        return v == null ? "-" : String.valueOf(v);
    }

    /** A table of rows with fixed columns. */
    public static final class Table {
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        Table(List<String> columns) {
            this.columns = columns;
        }

        /**
         * Adds a row.
         *
         * @param cells one value per column; null for a figure that does not exist (JSON null, "-" in text)
         * @return this table
         */
        public Table row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException("table row has " + cells.length + " cells, expected " + columns.size() + " " + columns);
            }
            rows.add(java.util.Collections.unmodifiableList(java.util.Arrays.asList(cells.clone())));
            return this;
        }

        List<Map<String, Object>> asMaps() {
            List<Map<String, Object>> list = new ArrayList<>();
            for (List<Object> r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    m.put(columns.get(i), r.get(i));
                }
                list.add(m);
            }
            return list;
        }

        void print(PrintWriter out) {
            int[] w = new int[columns.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = columns.get(i).length();
                for (List<Object> r : rows) {
                    w[i] = Math.max(w[i], format(r.get(i)).length());
                }
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < w.length; i++) {
                sb.append(String.format(Locale.ROOT, "%-" + w[i] + "s  ", columns.get(i)));
            }
            out.println(sb.toString().stripTrailing());
            for (List<Object> r : rows) {
                sb.setLength(0);
                for (int i = 0; i < w.length; i++) {
                    sb.append(String.format(Locale.ROOT, "%-" + w[i] + "s  ", format(r.get(i))));
                }
                out.println(sb.toString().stripTrailing());
            }
        }
    }
}
