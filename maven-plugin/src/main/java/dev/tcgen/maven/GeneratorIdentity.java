package dev.tcgen.maven;

import dev.tcgen.generator.Generator;
import dev.tcgen.generator.GeneratorVersion;
import dev.tcgen.generator.importer.SpecImporter;
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
 * What identifies the generator in a fingerprint: its version and, when they run from jars, the SHA-256 of the
 * generator's jar and of the importer's (which turns Tencent's inputs into specs). The hashes matter for snapshots,
 * whose version stays the same while their code changes: a rebuilt generator or importer must regenerate the
 * bindings.
 */
final class GeneratorIdentity {

    private static final String IDENTITY = compute();

    private GeneratorIdentity() {}

    /** {@code <version>}, followed by {@code  sha256:<hash>} for each of the generator's and importer's jars. */
    static String get() {
        return IDENTITY;
    }

    private static String compute() {
        return GeneratorVersion.get() + jarHash(Generator.class) + jarHash(SpecImporter.class);
    }

    /** {@code " sha256:<hash>"} of the jar the class comes from, or nothing if it does not come from a jar. */
    private static String jarHash(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            return "";
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? " sha256:" + sha256(location) : "";
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            return "";
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
