package dev.tcgen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.generator.testing.SpecFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a terminal, generating shows a status line before the usual summary; elsewhere only the summary. */
class GenerateProgressTest {

    @TempDir
    Path directory;

    private String run(boolean terminal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), terminal)
                .run(new String[] {"--spec", SpecFixtures.spec("kitchen-sink.json").toString(),
                        SpecFixtures.spec("no-regions.json").toString(), "--out", directory.toString()});
        assertEquals(0, status);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTerminalSeesServicesDoneOfTotalThenTheSummary() {
        String text = run(true);
        assertTrue(text.startsWith("\rtcgen: generate   0/3 services, 0 files, "), text);
        String[] lines = text.split("\n");
        assertEquals(2, lines.length, text);
        assertTrue(lines[0].substring(lines[0].lastIndexOf('\r')).startsWith("\rtcgen: generate   3/3 services, "),
                lines[0]);
        assertTrue(lines[1].startsWith("tcgen: "), lines[1]);
        assertTrue(lines[1].contains(" files from 2 spec(s) in "), lines[1]);
    }

    @Test
    void aPipeSeesOnlyTheSummary() {
        String text = run(false);
        assertTrue(text.matches("tcgen: \\d+ files from 2 spec\\(s\\) in .*\\R"), text);
    }
}
