package dev.mawm.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void failedWriteKeepsThePreviousFileAndLeavesNoTemporary() throws IOException {
        Path f = dir.resolve("sub/x.txt");
        AtomicFiles.write(f, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(f));
        try (var s = Files.list(f.getParent())) {
            assertEquals(List.of("x.txt"), s.map(p -> p.getFileName().toString()).toList());
        }
        AtomicFiles.write(f, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(f));
    }

    @Test
    void seedsMixDeterministicallyAndSpread() {
        assertEquals(Seeds.mix(1, 2), Seeds.mix(1, 2));
        assertNotEquals(Seeds.mix(1, 2), Seeds.mix(2, 1));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Seeds.mix(0, i));
        }
        assertEquals(10_000, seen.size());
        assertEquals(0xE220A8397B1DCDAFL, Seeds.mix(0, 0), "pinned: SplitMix64 of the golden gamma");
    }
}
