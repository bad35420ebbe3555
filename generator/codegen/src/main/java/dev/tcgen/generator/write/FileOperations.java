package dev.tcgen.generator.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The three things {@link SourceWriter} does to files, so that a test can fail or "kill" a write at any one of them.
 */
interface FileOperations {

    /** Writes a new file (replacing a leftover of the same name); flushes it to the disk unless {@link #UNFLUSHED}. */
    void write(Path file, byte[] bytes) throws IOException;

    /** Renames a file over another, atomically where the file system can; returns whether atomically. */
    boolean move(Path source, Path target) throws IOException;

    /** Deletes a file or an empty directory. */
    void delete(Path path) throws IOException;

    /** The real thing: each file written is flushed to the disk. */
    FileOperations DEFAULT = new Disk(true);

    /** The real thing, leaving written files to the operating system to write back. */
    FileOperations UNFLUSHED = new Disk(false);

    /** The file system's operations, flushing written files or not. */
    final class Disk implements FileOperations {

        private final boolean flush;

        private Disk(boolean flush) {
            this.flush = flush;
        }

        @Override
        public void write(Path file, byte[] bytes) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (flush) {
                    channel.force(true);
                }
            }
        }

        @Override
        public boolean move(Path source, Path target) throws IOException {
            try {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return true;
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
                return false;
            }
        }

        @Override
        public void delete(Path path) throws IOException {
            Files.deleteIfExists(path);
        }
    }
}
