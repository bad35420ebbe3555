package dev.tcgen.generator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The specs of the api-spec module, as files (they may come from a jar on the test class path). */
public final class TestSpecs {

    private TestSpecs() {}

    /** Copies the TRTC 2019-07-22 spec into {@code directory} and returns the copy. */
    public static Path trtc(Path directory) {
        return copy("/tcgen/specs/trtc-2019-07-22.json", directory.resolve("trtc-2019-07-22.json"));
    }

    private static Path copy(String resource, Path target) {
        try (InputStream in = TestSpecs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path (tcgen-api-spec)");
            }
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
