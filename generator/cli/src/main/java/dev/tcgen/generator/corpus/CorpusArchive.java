package dev.tcgen.generator.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Tencent's published corpus of {@code api.json} files: a gzipped tar ({@code all-services-api-json.tgz}, entries
 * {@code ./<service>/<version>/api.json}) or a directory holding the same tree. An {@code examples.json} beside an
 * {@code api.json} is used too.
 */
public final class CorpusArchive {

    /**
     * One service version of the corpus.
     *
     * @param id {@code <service>/<version>} as in the corpus, e.g. {@code trtc/v20190722}
     * @param apiJson its {@code api.json}
     * @param examples its {@code examples.json}, if the corpus has one
     */
    public record Entry(String id, Path apiJson, Optional<Path> examples) {}

    private CorpusArchive() {}

    /**
     * The service versions of a corpus, sorted by id.
     *
     * @param corpus the archive or directory
     * @param scratch where an archive is unpacked (its {@code api.json} and {@code examples.json} files only)
     * @throws IOException if the corpus cannot be read
     */
    public static List<Entry> entries(Path corpus, Path scratch) throws IOException {
        Path base = unpacked(corpus, scratch.resolve("api-json"));
        try (Stream<Path> walk = Files.walk(base)) {
            return walk.filter(p -> p.getFileName().toString().equals("api.json") && Files.isRegularFile(p))
                    .map(p -> entry(base, p))
                    .sorted(Comparator.comparing(Entry::id))
                    .toList();
        }
    }

    /**
     * The directory of a corpus: {@code corpus} itself if it is one, else where its archive is unpacked.
     *
     * @param corpus an archive of {@code api.json} and {@code examples.json} files, or a directory
     * @param directory where to unpack an archive
     * @throws IOException if the archive cannot be read or unpacked
     */
    public static Path unpacked(Path corpus, Path directory) throws IOException {
        if (Files.isDirectory(corpus)) {
            return corpus;
        }
        unpack(corpus, directory);
        return directory;
    }

    private static Entry entry(Path root, Path apiJson) {
        Path relative = root.relativize(apiJson.getParent());
        String id = relative.toString().replace('\\', '/');
        Path examples = apiJson.resolveSibling("examples.json");
        return new Entry(id.isEmpty() ? apiJson.toString() : id, apiJson,
                Files.isRegularFile(examples) ? Optional.of(examples) : Optional.empty());
    }

    /** Unpacks the {@code api.json} and {@code examples.json} files of a gzipped (ustar or GNU) tar. */
    private static void unpack(Path tgz, Path root) throws IOException {
        Path normalRoot = root.toAbsolutePath().normalize();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz)), 1 << 16)) {
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                if (field(header, 257, 5).equals("ustar") && header[345] != 0) {
                    name = field(header, 345, 155) + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                if (size > Integer.MAX_VALUE - 1024) {
                    throw new IOException(tgz + ": entry " + name + " is too large");
                }
                byte[] content = in.readNBytes((int) size);
                if (content.length != size) {
                    throw new IOException(tgz + ": truncated at entry " + name);
                }
                in.skipNBytes((512 - size % 512) % 512);
                byte type = header[156];
                if (type == 'L') {
                    longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (longName != null) {
                    name = longName;
                    longName = null;
                }
                if ((type == '0' || type == 0) && (name.endsWith("/api.json") || name.endsWith("/examples.json"))) {
                    Path target = normalRoot.resolve(name.replaceFirst("^(\\./)+", "")).normalize();
                    if (!target.startsWith(normalRoot)) {
                        throw new IOException(tgz + ": entry " + name + " leaves the directory it is unpacked into");
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, content);
                }
            }
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }
}
