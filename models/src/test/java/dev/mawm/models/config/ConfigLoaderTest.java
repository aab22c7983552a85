package dev.mawm.models.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsWithoutFilesOrOverrides() {
        assertEquals(MawmConfig.defaults(), MawmConfig.load(List.of(), List.of()));
    }

    @Test
    void filesMergeInOrderThenOverridesWin() throws IOException {
        Path a = Files.writeString(dir.resolve("a.yaml"), "grid2:\n  width: 9\n  height: 13\n");
        Path b = Files.writeString(dir.resolve("b.json"), "{\"grid2\": {\"height\": 15}, \"collect\": {\"policy\": \"oracle\"}}");
        MawmConfig c = MawmConfig.load(List.of(a, b), List.of("grid2.width=7", "collect.seed=42"));
        assertEquals(7, c.grid2().width());
        assertEquals(15, c.grid2().height());
        assertEquals("oracle", c.collect().policy());
        assertEquals(42L, c.collect().seed());
        assertEquals(Grid2Config.defaults().wallDensity(), c.grid2().wallDensity());
    }

    @Test
    void unknownKeyNamesItAndListsTheValidOnes() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> MawmConfig.load(List.of(), List.of("grid2.widht=9")));
        assertTrue(e.getMessage().contains("'grid2.widht'"), e.getMessage());
        assertTrue(e.getMessage().contains("width, height"), e.getMessage());
    }

    @Test
    void unknownSectionInFileNamesTheFile() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.yaml"), "gird2:\n  width: 9\n");
        ConfigException e = assertThrows(ConfigException.class, () -> MawmConfig.load(List.of(f), List.of()));
        assertTrue(e.getMessage().contains("'gird2'") && e.getMessage().contains("bad.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("grid2"), e.getMessage());
    }

    @Test
    void duplicateKeysInAFileAreRefused() throws IOException {
        Path y = Files.writeString(dir.resolve("dup.yaml"), "grid2:\n  width: 9\n  width: 7\n");
        ConfigException e = assertThrows(ConfigException.class, () -> MawmConfig.load(List.of(y), List.of()));
        assertTrue(e.getMessage().contains("dup.yaml") && e.getMessage().contains("Duplicate field 'width'"), e.getMessage());
        Path j = Files.writeString(dir.resolve("dup.json"), "{\"grid2\": {\"width\": 9}, \"grid2\": {\"width\": 7}}");
        e = assertThrows(ConfigException.class, () -> MawmConfig.load(List.of(j), List.of()));
        assertTrue(e.getMessage().contains("dup.json") && e.getMessage().contains("Duplicate field 'grid2'"), e.getMessage());
    }

    @Test
    void wrongTypesAreRefusedNotCoerced() {
        ConfigException frac = assertThrows(ConfigException.class,
                () -> MawmConfig.load(List.of(), List.of("grid2.width=9.5")));
        assertTrue(frac.getMessage().contains("expects an integer"), frac.getMessage());
        ConfigException text = assertThrows(ConfigException.class,
                () -> MawmConfig.load(List.of(), List.of("grid2.wallDensity=dense")));
        assertTrue(text.getMessage().contains("expects a number"), text.getMessage());
        ConfigException section = assertThrows(ConfigException.class,
                () -> MawmConfig.load(List.of(), List.of("grid2=3")));
        assertTrue(section.getMessage().contains("section"), section.getMessage());
    }

    @Test
    void recordValidationSurfacesWithTheFieldName() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> MawmConfig.load(List.of(), List.of("grid2.wallDensity=0.9")));
        assertTrue(e.getMessage().contains("grid2.wallDensity"), e.getMessage());
    }

    @Test
    void malformedOverridesAndMissingFilesAreErrors() {
        assertThrows(ConfigException.class, () -> MawmConfig.load(List.of(), List.of("grid2.width")));
        ConfigException e = assertThrows(ConfigException.class,
                () -> MawmConfig.load(List.of(dir.resolve("nope.yaml")), List.of()));
        assertTrue(e.getMessage().contains("nope.yaml"), e.getMessage());
    }

    @Test
    void yamlRendersBackToTheSameConfig() throws IOException {
        MawmConfig c = MawmConfig.load(List.of(), List.of("grid2.width=9", "collect.policy=mixed:0.3"));
        Path f = Files.writeString(dir.resolve("round.yaml"), ConfigLoader.toYaml(c));
        assertEquals(c, MawmConfig.load(List.of(f), List.of()));
    }
}
