package dev.mawm.runtime;

import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.GoldenSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Which differences between two valid manifests are harmless: identity and provenance (metadata), the planner's
 * settings other than its horizon (a user's choice, validated by {@code CemConfig}), action labels, and golden
 * tolerances (a bundle that still replays within the new one). Any other difference is a structural change the loader
 * should have refused.
 */
final class ManifestDiff {
    private ManifestDiff() {
    }

    /**
     * @param a the original manifest
     * @param b a manifest that loaded
     * @return why the difference is harmless, or null when it is not
     */
    static String harmless(BundleManifest a, BundleManifest b) {
        if (a.equals(b)) {
            return "manifest text without effect";
        }
        List<String> what = new ArrayList<>();
        if (!a.name().equals(b.name()) || !a.version().equals(b.version())) {
            what.add("identity");
        }
        if (!a.provenance().equals(b.provenance())) {
            what.add("provenance");
        }
        if (!a.planningDefaults().equals(b.planningDefaults())) {
            if (a.planningDefaults().horizon() != b.planningDefaults().horizon()) {
                return null;
            }
            what.add("planner settings");
        }
        if (!a.actionSpace().equals(b.actionSpace())) {
            if (a.actionSpace().count() != b.actionSpace().count()) {
                return null;
            }
            what.add("action labels");
        }
        if (!a.golden().equals(b.golden())) {
            if (a.golden().size() != b.golden().size()) {
                return null;
            }
            for (int i = 0; i < a.golden().size(); i++) {
                GoldenSpec x = a.golden().get(i);
                GoldenSpec y = b.golden().get(i);
                if (!new GoldenSpec(x.component(), x.file(), x.sha256(), y.tolerance(), x.samples()).equals(y)) {
                    return null;
                }
            }
            what.add("golden tolerance that still passes");
        }
        boolean rest = a.formatVersion() == b.formatVersion() && a.family().equals(b.family()) && a.dims().equals(b.dims())
                && java.util.Objects.equals(a.messageFormat(), b.messageFormat()) && a.components().equals(b.components());
        return rest && !what.isEmpty() ? "manifest " + String.join(" + ", what) : null;
    }

    /**
     * @param a the original manifest
     * @param b a manifest whose checksums were updated to match a damaged file
     * @return whether they are equal except in the checksums
     */
    static boolean sameExceptChecksums(BundleManifest a, BundleManifest b) {
        String zero = "0".repeat(64);
        return new BundleManifest(b.formatVersion(), b.name(), b.version(), b.family(), b.dims(), b.actionSpace(), b.messageFormat(),
                b.components().stream().map(c -> new dev.mawm.models.bundle.ComponentSpec(c.name(), c.file(), zero, c.inputs(),
                        c.outputs())).toList(), b.planningDefaults(), b.provenance(),
                b.golden().stream().map(g -> new GoldenSpec(g.component(), g.file(), zero, g.tolerance(), g.samples())).toList())
                .equals(new BundleManifest(a.formatVersion(), a.name(), a.version(), a.family(), a.dims(), a.actionSpace(),
                        a.messageFormat(), a.components().stream().map(c -> new dev.mawm.models.bundle.ComponentSpec(c.name(),
                                c.file(), zero, c.inputs(), c.outputs())).toList(), a.planningDefaults(), a.provenance(),
                        a.golden().stream().map(g -> new GoldenSpec(g.component(), g.file(), zero, g.tolerance(), g.samples()))
                                .toList()));
    }
}
