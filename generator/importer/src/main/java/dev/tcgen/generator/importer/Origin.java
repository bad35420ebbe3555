package dev.tcgen.generator.importer;

/**
 * Where an imported fact comes from: an input file and a line in it, so that a warning can send the user there.
 *
 * @param source the input file as the user named it ({@code api.json}, a doc page, an overlay)
 * @param line 1-based line, or 0 when the fact belongs to the file as a whole
 */
public record Origin(String source, int line) {

    /** The origin of a whole file. */
    public static Origin of(String source) {
        return new Origin(source, 0);
    }

    /** {@code source:line}, or {@code source} alone for a whole file. */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
