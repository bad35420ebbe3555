package dev.tcgen.generator.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Files the writer did not write (its manifest does not list them) are where it is to write: it wrote nothing. */
public final class ForeignFileException extends IOException {

    private static final long serialVersionUID = 1L;

    ForeignFileException(Path directory, String manifest, List<String> files) {
        super("refusing to overwrite " + files.size() + " file(s) in " + directory + " that tcgen did not write (its "
                + "manifest " + manifest + " does not list them): " + String.join(", ", files)
                + "; move or delete them, or generate into another directory");
    }
}
