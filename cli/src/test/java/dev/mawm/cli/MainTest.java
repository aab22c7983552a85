package dev.mawm.cli;

import static dev.mawm.cli.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpListsRegisteredCommands() {
        CliRun r = mawm("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("config"), r.out());
    }

    @Test
    void oneLineErrorsEscapeControlCharacters() {
        String msg = Main.oneLine(new IllegalArgumentException("tensor 'in.lat\rent' \u001b[2J bad\nline\ttab"));
        assertEquals("tensor 'in.lat\\rent' \\u001b[2J bad line\\ttab", msg);
        assertTrue(msg.chars().noneMatch(Character::isISOControl), msg);
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun r = mawm("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }

    @Test
    void configShowPrintsTheEffectiveConfigWithOverrides() throws Exception {
        CliRun r = mawm("config", "show", "--json", "--set", "grid2.width=9");
        assertEquals(0, r.code(), r.err());
        JsonNode tree = new ObjectMapper().readTree(r.out());
        assertEquals(9, tree.path("grid2").path("width").asInt());
        CliRun yaml = mawm("config", "show");
        assertTrue(yaml.out().contains("width: 11"), yaml.out());
    }

    @Test
    void badConfigKeyFailsWithOneLineReason() {
        CliRun r = mawm("config", "show", "--set", "grid2.nope=1");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("unknown config key 'grid2.nope'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void reportPrintsTablesAsTextOrJson() throws Exception {
        Report report = new Report("demo").put("episodes", 3);
        report.table("results", "policy", "success").row("oracle", 1.0).row("random", 0.25);
        StringWriter text = new StringWriter();
        report.print(new PrintWriter(text), false);
        assertTrue(text.toString().contains("oracle  1.0000"), text.toString());
        StringWriter json = new StringWriter();
        report.print(new PrintWriter(json), true);
        JsonNode tree = new ObjectMapper().readTree(json.toString());
        assertEquals("random", tree.path("results").get(1).path("policy").asText());
        assertEquals(3, tree.path("episodes").asInt());
    }
}
