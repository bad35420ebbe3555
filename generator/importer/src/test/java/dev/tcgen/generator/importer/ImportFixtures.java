package dev.tcgen.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The importer's fixtures under {@code src/test/resources/importer}, and the api-spec module's files. */
final class ImportFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The source copy of the fixtures, for golden files that a system property rewrites. */
    static final Path SOURCE = Path.of("src/test/resources/importer");

    private ImportFixtures() {}

    /** The fixture {@code importer/<name>} as a file. */
    static Path file(String name) {
        URL url = ImportFixtures.class.getResource("/importer/" + name);
        if (url == null) {
            throw new IllegalStateException("no importer fixture " + name + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        return read(file(name));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The traps fixture: api.json and examples.json, plus the given pages. */
    static SpecImporter.Inputs traps(List<Path> pages, Optional<Path> overlay) {
        return new SpecImporter.Inputs(file("traps/api.json"), Optional.of(file("traps/examples.json")), pages,
                overlay);
    }

    /** The TRTC spec of the api-spec module, as the generator's tests see it (from the class path). */
    static JsonNode apiSpecTrtc() {
        try (InputStream in = ImportFixtures.class.getResourceAsStream("/tcgen/specs/trtc-2019-07-22.json")) {
            if (in == null) {
                throw new IllegalStateException("tcgen/specs/trtc-2019-07-22.json is not on the test class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The action of that name in a spec tree. */
    static JsonNode action(JsonNode spec, String name) {
        for (JsonNode action : spec.path("actions")) {
            if (action.path("name").asText().equals(name)) {
                return action;
            }
        }
        throw new AssertionError("no action " + name);
    }

    /** The member of that name in an array of members. */
    static JsonNode member(JsonNode members, String name) {
        for (JsonNode member : members) {
            if (member.path("name").asText().equals(name)) {
                return member;
            }
        }
        throw new AssertionError("no member " + name + " in " + members);
    }

    /** Writes text to a file in the directory and returns it. */
    static Path write(Path directory, String name, String text) {
        try {
            return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether some warning's text contains every fragment, and its origin is the file at the line. */
    static boolean hasWarning(List<ImportMessage> warnings, String file, int line, String... fragments) {
        return warnings.stream().anyMatch(w -> w.origin().source().endsWith(file) && w.origin().line() == line
                && List.of(fragments).stream().allMatch(w.message()::contains));
    }
}
