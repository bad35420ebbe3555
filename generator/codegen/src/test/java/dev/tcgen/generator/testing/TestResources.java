package dev.tcgen.generator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A test resource as a file: itself when it is one (the module's own test resources), or a copy in a temporary
 * folder when it comes from another module's test jar.
 */
public final class TestResources {

    private static final Path COPIES = createCopies();

    private TestResources() {}

    /** The resource {@code name} (absolute, e.g. {@code /specs/kitchen-sink.json}) as a file. */
    public static Path file(String name) {
        URL url = TestResources.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("no test resource " + name + " on the test class path");
        }
        try {
            if (url.getProtocol().equals("file")) {
                return Path.of(url.toURI());
            }
            Path copy = COPIES.resolve(name.substring(1));
            synchronized (TestResources.class) {
                if (!Files.exists(copy)) {
                    Files.createDirectories(copy.getParent());
                    try (InputStream in = url.openStream()) {
                        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path createCopies() {
        try {
            Path directory = Files.createTempDirectory("tcgen-test-resources");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
