package dev.tcgen.generator.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The text of one spec and the name problems report it under: a file path, or an entry of a spec jar such as
 * {@code tcgen-api-spec-1.0.jar!/tcgen/specs/trtc-2019-07-22.json}.
 *
 * @param name where the spec comes from, as the user should read it
 * @param bytes the spec's UTF-8 bytes
 */
public record SpecSource(String name, byte[] bytes) {

    /** Reads a spec file. */
    public static SpecSource read(Path file) throws SpecException {
        try {
            return new SpecSource(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new SpecException(List.of(new Problem(new Location(file.toString(), 1, 1), "",
                    "cannot read the spec file: " + e)));
        }
    }

    /** The text, which must be UTF-8. */
    public String text() throws SpecException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SpecException(List.of(new Problem(new Location(name, 1, 1), "", "the spec is not valid UTF-8")));
        }
    }
}
