package dev.tcgen.maven;

import dev.tcgen.generator.Generator;
import dev.tcgen.generator.GeneratorVersion;
import dev.tcgen.generator.importer.SpecImporter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.zip.CRC32C;

/**
 * What identifies the generator in a fingerprint: its version and, when they run from jars, a checksum (CRC-32C) of
 * the generator's jar and of the importer's (which turns Tencent's inputs into specs). The checksums matter for
 * snapshots, whose version stays the same while their code changes: a rebuilt generator or importer must regenerate
 * the bindings. A checksum, not a cryptographic hash: it only has to notice a rebuilt jar, and it is computed in
 * every build, in a JVM that has not compiled a digest yet (SHA-256 of the two jars took half of the no-op check).
 */
final class GeneratorIdentity {

    private static final String IDENTITY = compute();

    private GeneratorIdentity() {}

    /** {@code <version>}, followed by {@code  crc32c:<checksum>} for each of the generator's and importer's jars. */
    static String get() {
        return IDENTITY;
    }

    private static String compute() {
        return GeneratorVersion.get() + jarChecksum(Generator.class) + jarChecksum(SpecImporter.class);
    }

    /** {@code " crc32c:<checksum>"} of the jar the class comes from, or nothing if it does not come from a jar. */
    private static String jarChecksum(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            return "";
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return "";
            }
            CRC32C checksum = new CRC32C();
            checksum.update(Files.readAllBytes(location));
            return " crc32c:" + Long.toHexString(checksum.getValue());
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            return "";
        }
    }
}
