package dev.tcgen.maven;

import dev.tcgen.generator.Generator;
import dev.tcgen.generator.GeneratorVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies the generator in a fingerprint: its version and, when it runs from a jar, the SHA-256 of that jar.
 * The hash matters for snapshots, whose version stays the same while their code changes: a rebuilt generator must
 * regenerate the bindings.
 */
final class GeneratorIdentity {

    private static final String IDENTITY = compute();

    private GeneratorIdentity() {}

    /** {@code <version>} or {@code <version> sha256:<hash of the generator jar>}. */
    static String get() {
        return IDENTITY;
    }

    private static String compute() {
        String version = GeneratorVersion.get();
        CodeSource source = Generator.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return version;
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? version + " sha256:" + sha256(location) : version;
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            return version;
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
