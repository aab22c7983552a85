package dev.mawm.cli.eval;

import dev.mawm.models.bundle.BundleManifest;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the bundles shipped in the repository ({@value #CARTPOLE}) from any working directory: under the
 * {@code mawm.home} system property or {@code MAWM_HOME} environment variable when set, else in the working
 * directory or one of its parents, else next to the code (the repository a build runs from).
 */
public final class ShippedBundles {
    /** The shipped CartPole bundle, relative to the repository root. */
    public static final String CARTPOLE = "models/bundles/cartpole-mlp";
    /** The shipped two-agent gridworld bundle (jepa2, the communication benchmark's maps), relative to the repository root. */
    public static final String GRID2 = "models/bundles/grid2-jepa2";

    private ShippedBundles() {
    }

    /**
     * @return the shipped CartPole bundle directory
     * @throws IllegalStateException naming the places searched when it is not found
     */
    public static Path cartPole() {
        return locate(CARTPOLE);
    }

    /** @return the shipped grid2 bundle directory ({@value #GRID2}) */
    public static Path grid2() {
        return locate(GRID2);
    }

    /**
     * @param relative a bundle directory relative to the repository root
     * @return the first existing {@code relative/bundle.json}'s directory among the search roots
     * @throws IllegalStateException naming the places searched when none exists
     */
    public static Path locate(String relative) {
        Set<Path> roots = new LinkedHashSet<>();
        String home = System.getProperty("mawm.home", System.getenv("MAWM_HOME"));
        if (home != null && !home.isBlank()) {
            roots.add(Path.of(home).toAbsolutePath().normalize());
        }
        ancestors(Path.of("").toAbsolutePath(), roots);
        codeLocation().ifPresent(p -> ancestors(p, roots));
        List<String> tried = new ArrayList<>();
        for (Path root : roots) {
            Path dir = root.resolve(relative);
            if (Files.isRegularFile(dir.resolve(BundleManifest.FILE_NAME))) {
                return dir;
            }
            tried.add(dir.toString());
        }
        throw new IllegalStateException("the shipped bundle " + relative + " was not found (looked in "
                + String.join(", ", tried.subList(0, Math.min(4, tried.size()))) + (tried.size() > 4 ? ", …" : "")
                + "); run from the mawm repository, set MAWM_HOME, or pass the bundle directory explicitly");
    }

    private static void ancestors(Path start, Set<Path> into) {
        for (Path p = start.normalize(); p != null; p = p.getParent()) {
            into.add(p);
        }
    }

    private static java.util.Optional<Path> codeLocation() {
        try {
            var src = ShippedBundles.class.getProtectionDomain().getCodeSource();
            return src == null ? java.util.Optional.empty() : java.util.Optional.of(Path.of(src.getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
