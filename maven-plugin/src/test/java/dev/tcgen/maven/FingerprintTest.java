package dev.tcgen.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.generator.spec.SpecSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    private static final List<String> OPTIONS = List.of("basePackage=com.example", "runtime=EMBEDDED");

    private static SpecSource spec(String name, String text) {
        return new SpecSource(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String of(String version, List<String> options, SpecSource... specs) {
        return Fingerprint.of(version, options, List.of(specs)).toString();
    }

    @Test
    void theSameInputsGiveTheSameFingerprint() {
        assertEquals(of("1.0", OPTIONS, spec("a.json", "{}")), of("1.0", OPTIONS, spec("a.json", "{}")));
    }

    @Test
    void everyInputChangesTheFingerprint() {
        String base = of("1.0", OPTIONS, spec("a.json", "{}"));

        assertNotEquals(base, of("1.1", OPTIONS, spec("a.json", "{}")), "generator version");
        assertNotEquals(base, of("1.0", List.of("basePackage=com.example", "runtime=DEPENDENCY"), spec("a.json", "{}")),
                "an option");
        assertNotEquals(base, of("1.0", OPTIONS, spec("b.json", "{}")), "a spec's name");
        assertNotEquals(base, of("1.0", OPTIONS, spec("a.json", "{ }")), "a spec's bytes");
        assertNotEquals(base, of("1.0", OPTIONS, spec("a.json", "{}"), spec("b.json", "{}")), "another spec");
    }

    @Test
    void boundariesBetweenInputsCount() {
        assertNotEquals(of("1.0", List.of("ab", "c")), of("1.0", List.of("a", "bc")));
        assertNotEquals(of("1.0", OPTIONS, spec("a", "bc")), of("1.0", OPTIONS, spec("ab", "c")));
    }

    @Test
    void aSavedFingerprintMatchesOnlyItself(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("tcgen/default.fingerprint");
        Fingerprint first = Fingerprint.of("1.0", OPTIONS, List.of(spec("a.json", "{}")));
        Fingerprint second = Fingerprint.of("1.0", OPTIONS, List.of(spec("a.json", "[]")));

        assertFalse(first.matches(file), "nothing saved yet");
        first.save(file);

        assertTrue(first.matches(file));
        assertFalse(second.matches(file));
        Fingerprint.forget(file);
        assertFalse(first.matches(file));
    }
}
