package dev.tcgen.generator.importer;

import java.util.List;
import java.util.stream.Collectors;

/** Import inputs that cannot be turned into a spec: an unreadable file, a page that does not parse, a bad overlay. */
public final class ImportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ImportMessage> problems;

    public ImportException(List<ImportMessage> problems) {
        super(problems.stream().map(ImportMessage::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an import failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** A failure with one problem. */
    public static ImportException at(Origin origin, String message) {
        return new ImportException(List.of(new ImportMessage(origin, message)));
    }

    /** Every problem found, each at its place. */
    public List<ImportMessage> problems() {
        return problems;
    }
}
