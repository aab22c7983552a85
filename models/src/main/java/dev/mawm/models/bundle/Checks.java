package dev.mawm.models.bundle;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Validation helpers shared by the manifest records. */
final class Checks {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Checks() {
    }

    static String ident(String what, String value) {
        if (value == null || !IDENT.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match [A-Za-z0-9_.-]+, got "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }

    static String sha256(String what, String value) {
        if (value == null || !SHA256.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 64 lowercase hex digits (SHA-256), got "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }

    /** A path relative to the bundle directory, '/'-separated, that cannot escape it. */
    static String relativeFile(String what, String value, String suffix) {
        if (value == null || value.isBlank() || value.startsWith("/") || value.contains("\\")
                || value.contains(":") || !value.endsWith(suffix)) {
            throw new IllegalArgumentException(what + " must be a relative '/'-separated path ending in " + suffix
                    + ", got " + (value == null ? "null" : "\"" + value + "\""));
        }
        for (String part : value.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException(what + " must stay inside the bundle directory (no empty, '.' "
                        + "or '..' segments), got \"" + value + "\"");
            }
        }
        return value;
    }

    static <T> List<T> nonEmptyUnique(String what, List<T> values, Function<T, String> key) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(what + " must list at least one entry");
        }
        Set<String> seen = new HashSet<>();
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException(what + " must not contain null entries");
            }
            if (!seen.add(key.apply(v))) {
                throw new IllegalArgumentException(what + " lists '" + key.apply(v) + "' more than once");
            }
        }
        return List.copyOf(values);
    }
}
