package dev.tcgen.maven;

import dev.tcgen.generator.spec.SpecSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a generation depended on, as one SHA-256: the generator version, every option, and the name and bytes of
 * every spec. Equal fingerprints mean the generated sources would be byte for byte the same.
 */
final class Fingerprint {

    private final String value;

    private Fingerprint(String value) {
        this.value = value;
    }

    /**
     * The fingerprint of one generation.
     *
     * @param generatorIdentity the generator's version, and the hash of its jar
     * @param options every option that can change the output, in a fixed order
     * @param specs the specs
     */
    static Fingerprint of(String generatorIdentity, List<String> options, List<SpecSource> specs) {
        MessageDigest digest = sha256();
        update(digest, "tcgen " + generatorIdentity);
        options.forEach(option -> update(digest, option));
        for (SpecSource spec : specs) {
            update(digest, spec.name());
            digest.update(Integer.toString(spec.bytes().length).getBytes(StandardCharsets.UTF_8));
            digest.update(spec.bytes());
        }
        return new Fingerprint(HexFormat.of().formatHex(digest.digest()));
    }

    /** Whether the file holds this fingerprint. */
    boolean matches(Path file) throws IOException {
        return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(value);
    }

    /** Records this fingerprint in the file. */
    void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
    }

    /** Forgets any fingerprint recorded in the file, so that the next build generates. */
    static void forget(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String toString() {
        return value;
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
