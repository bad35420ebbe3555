package dev.tcgen.generator.importer;

import java.util.Comparator;

/**
 * A located sentence about an import input: a warning (the import went on) or a problem (it stopped).
 *
 * @param origin the input file and line the sentence is about
 * @param message a plain sentence; when two inputs disagree it names the other one's place too
 */
public record ImportMessage(Origin origin, String message) {

    /** Orders messages by file, then line, then text. */
    public static final Comparator<ImportMessage> BY_ORIGIN = Comparator
            .comparing((ImportMessage m) -> m.origin().source())
            .thenComparingInt(m -> m.origin().line())
            .thenComparing(ImportMessage::message);

    /** {@code source:line: message}, the form editors and CI logs link to. */
    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
