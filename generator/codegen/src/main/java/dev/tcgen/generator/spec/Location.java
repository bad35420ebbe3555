package dev.tcgen.generator.spec;

/**
 * A place in a spec file, as an editor shows it.
 *
 * @param file the file as the user named it
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {

    /** {@code file:line:column}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
