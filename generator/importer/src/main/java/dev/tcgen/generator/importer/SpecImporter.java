package dev.tcgen.generator.importer;

import dev.tcgen.generator.spec.JsonTreeReader;
import dev.tcgen.generator.spec.LocatedJson;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.spec.SpecReader;
import dev.tcgen.generator.validate.SpecValidator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole import, from files to spec text: {@code api.json} (+ {@code examples.json}) → doc pages merged in →
 * common error codes → overlay → the pages' regions if the service still has none (a warning if it has none at the
 * end) → the paging the rules recognise where the overlay states none ({@link DraftPaging}) → {@link SpecWriter} → checked by the generator's own reader and validator, so an import never produces a
 * spec the generator would reject.
 *
 * <pre>{@code
 * SpecImporter.Result result = SpecImporter.run(new SpecImporter.Inputs(Path.of("api.json"),
 *         Optional.of(Path.of("examples.json")), List.of(Path.of("StopPublishCdnStream-api-doc.txt")),
 *         Optional.of(Path.of("overlay.json"))), "trtc-2019-07-22.json");
 * Files.writeString(out, result.specText());
 * }</pre>
 */
public final class SpecImporter {

    /**
     * What to import.
     *
     * @param apiJson Tencent's {@code api.json}
     * @param examples its {@code examples.json}, if any
     * @param docPages the text of API documentation pages, merged in this order
     * @param overlay a hand-written overlay, if any
     */
    public record Inputs(Path apiJson, Optional<Path> examples, List<Path> docPages, Optional<Path> overlay) {

        public Inputs {
            docPages = List.copyOf(docPages);
        }
    }

    /**
     * The imported spec.
     *
     * @param specText the spec file's text
     * @param service the draft it was written from
     * @param spec the text as the generator reads it, validated
     * @param warnings what the import noticed, sorted by file and line
     */
    public record Result(String specText, SpecDraft.Service service, ServiceSpec spec, List<ImportMessage> warnings) {}

    /** The warning for a service that ends up without regions, which every import of api.json alone does. */
    static final String NO_REGIONS = "the service has no regions: api.json never lists them, and no doc page or "
            + "overlay gave any. Its client still takes any region, as Region.of(\"ap-guangzhou\"), but has no Region "
            + "constants; to add them, give an overlay with \"regions\": [{\"id\": \"ap-guangzhou\", \"name\": "
            + "\"South China (Guangzhou)\"}, ...] (see the README, \"Regions\")";

    private SpecImporter() {}

    /**
     * Imports a service version.
     *
     * @param specName the name of the spec file to be written, for the validation messages
     * @throws ImportException if an input cannot be read or parsed
     * @throws SpecException if the resulting spec would not pass the generator's validation
     */
    public static Result run(Inputs inputs, String specName) throws ImportException, SpecException {
        List<ImportMessage> warnings = new ArrayList<>();
        LocatedJson apiJson = json(inputs.apiJson());
        Optional<LocatedJson> examples = inputs.examples().isPresent()
                ? Optional.of(json(inputs.examples().get()))
                : Optional.empty();
        ApiJsonImporter.Result imported = ApiJsonImporter.importApiJson(apiJson, examples);
        warnings.addAll(imported.warnings());

        List<DocPage> pages = new ArrayList<>();
        List<ImportMessage> pageProblems = new ArrayList<>();
        for (Path page : inputs.docPages()) {
            try {
                pages.add(DocPageParser.parse(page.toString(), text(page)));
            } catch (ImportException e) {
                pageProblems.addAll(e.problems());
            }
        }
        if (!pageProblems.isEmpty()) {
            throw new ImportException(pageProblems);
        }
        SpecMerger.Result merged = SpecMerger.merge(imported.service(), pages);
        warnings.addAll(merged.warnings());

        SpecDraft.Service service = merged.service();
        if (inputs.overlay().isPresent()) {
            service = Overlay.apply(json(inputs.overlay().get()), service);
        }
        SpecMerger.Result withRegions = SpecMerger.withPageRegions(service, pages);
        service = DraftPaging.fill(withRegions.service(), warnings);
        warnings.addAll(withRegions.warnings());
        if (service.regions().isEmpty()) {
            warnings.add(new ImportMessage(new Origin(apiJson.file(), apiJson.locate("/metadata").line()),
                    NO_REGIONS));
        }
        String text = SpecWriter.write(service);
        return new Result(text, service, validate(specName, text),
                warnings.stream().distinct().sorted(ImportMessage.BY_ORIGIN).toList());
    }

    /** Checks the text as the generator would: its reader, then its validator; the spec it read. */
    static ServiceSpec validate(String specName, String text) throws SpecException {
        SpecReader.Result read = SpecReader.read(specName, text);
        List<Problem> problems = new ArrayList<>(read.problems());
        problems.addAll(SpecValidator.validate(read.spec(), read.json()));
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return read.spec();
    }

    private static LocatedJson json(Path file) throws ImportException {
        try {
            return JsonTreeReader.read(file.toString(), text(file));
        } catch (SpecException e) {
            List<ImportMessage> problems = e.problems().stream()
                    .map(p -> new ImportMessage(new Origin(file.toString(), p.location().line()), p.message()))
                    .toList();
            throw new ImportException(problems);
        }
    }

    private static String text(Path file) throws ImportException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw ImportException.at(Origin.of(file.toString()), "cannot read the file: " + e);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ImportException.at(Origin.of(file.toString()), "the file is not valid UTF-8");
        }
    }
}
