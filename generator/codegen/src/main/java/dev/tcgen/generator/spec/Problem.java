package dev.tcgen.generator.spec;

import java.util.Comparator;

/**
 * One thing wrong with a spec: where, and what, in a plain sentence.
 *
 * @param location the file, line and column
 * @param pointer the JSON pointer of the offending value, e.g. {@code /actions/0/input/1/type}; empty for the root
 * @param message a plain sentence naming what is wrong and what is expected
 */
public record Problem(Location location, String pointer, String message) {

    /** Orders problems as they appear in their files. */
    public static final Comparator<Problem> BY_POSITION = Comparator.comparing((Problem p) -> p.location().file())
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column())
            .thenComparing(Problem::message);

    /** {@code file:line:column: message (at /json/pointer)}, the form compilers and IDEs understand. */
    @Override
    public String toString() {
        return location + ": " + message + " (at " + (pointer.isEmpty() ? "/" : pointer) + ")";
    }
}
