package dev.mawm.tests.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./mawm} launcher as the README's "Building and running" describes it: it quiets TensorFlow's own log lines
 * with {@code TF_CPP_MIN_LOG_LEVEL=3} unless the caller set a level, and hands stderr through untouched (nothing is
 * filtered or redirected, so a real error still shows). Run on a copy of the launcher in a built-looking layout (no
 * sources, so it does not build) with a stand-in {@code java} on the PATH that prints what it was given.
 */
class LauncherTest {
    @TempDir
    Path dir;

    @Test
    void quietsTensorFlowUnlessTheCallerSetALevelAndPassesStderrThrough() throws Exception {
        Path root = Files.createDirectories(dir.resolve("mawm-root"));
        Path launcher = root.resolve("mawm");
        Files.copy(Path.of("..", "mawm"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(Files.createDirectories(root.resolve(".mawm-build")).resolve("classpath.txt"), "deps.jar");
        Files.write(Files.createDirectories(root.resolve("cli/target")).resolve("mawm-cli-0.jar"), new byte[0]);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"level=${TF_CPP_MIN_LOG_LEVEL-unset} args=$*\"\necho 'E0000 a real error' >&2\n");
        assertTrue(java.toFile().setExecutable(true));

        String[] quiet = run(launcher, bin, null, "verify", "b");
        assertEquals("level=3 args=-cp " + root.resolve("cli/target/mawm-cli-0.jar") + ":deps.jar dev.mawm.cli.Main verify b",
                quiet[0].strip());
        assertEquals("E0000 a real error", quiet[1].strip(), "stderr reaches the caller as the program wrote it");
        String[] chosen = run(launcher, bin, "0", "train");
        assertTrue(chosen[0].startsWith("level=0 "), "the caller's level stands: " + chosen[0]);
    }

    @Test
    void runsTheCliJarNotItsTestJarWhichSortsFirst() throws Exception {
        Path root = Files.createDirectories(dir.resolve("mawm-root2"));
        Path launcher = root.resolve("mawm");
        Files.copy(Path.of("..", "mawm"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(Files.createDirectories(root.resolve(".mawm-build")).resolve("classpath.txt"), "deps.jar");
        Path target = Files.createDirectories(root.resolve("cli/target"));
        Files.write(target.resolve("mawm-cli-0.1.0-SNAPSHOT-tests.jar"), new byte[0]);
        Files.write(target.resolve("mawm-cli-0.1.0-SNAPSHOT.jar"), new byte[0]);
        Path bin = Files.createDirectories(dir.resolve("bin2"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"args=$*\"\n");
        assertTrue(java.toFile().setExecutable(true));
        String out = run(launcher, bin, null, "demo")[0].strip();
        assertEquals("args=-cp " + target.resolve("mawm-cli-0.1.0-SNAPSHOT.jar") + ":deps.jar dev.mawm.cli.Main demo", out);
    }

    /** @return stdout and stderr of the launcher run with {@code TF_CPP_MIN_LOG_LEVEL} = {@code level} (unset: null) */
    private static String[] run(Path launcher, Path bin, String level, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = launcher.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.remove("TF_CPP_MIN_LOG_LEVEL");   // surefire sets it for the tests themselves
        env.remove("MAWM_JAVA_OPTS");
        if (level != null) {
            env.put("TF_CPP_MIN_LOG_LEVEL", level);
        }
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher finishes");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out + err);
        return new String[] {out, err};
    }
}
