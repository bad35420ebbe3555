package dev.tcgen.generator.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a Tencent Cloud API documentation page (the form of {@code StopPublishCdnStream-api-doc.txt}:
 * a title line with the action name, then the sections "1. API Description", "2. Input Parameters",
 * "3. Output Parameters", "4. Example", "5. Developer Resources", "6. Error Code") into a {@link DocPage}.
 *
 * <ul>
 *   <li>API Description: the request domain ("Domain name for API request: ..."), the rate limit ("A maximum of N
 *       requests can be initiated per second ..."), and the rest as the description.
 *   <li>Input Parameters: rows "Name Yes|No Type Description"; Action, Version and Region are common parameters,
 *       not members, but give the action name, the version and the supported regions ("This API only supports:
 *       ..."). Lines that are not rows continue the description of the row above.
 *   <li>Output Parameters: rows "Name Type Description".
 *   <li>Example: "Example1 Title", "Input Example" (an HTTP request, a URL, or JSON), "Output Example" (JSON, or an
 *       event stream: {@code data:} lines, which mark the action streaming and leave the example out).
 *   <li>Error Code: rows "Code Description".
 * </ul>
 * Page chrome is ignored: "Try it", "API Explorer" lines, the last-updated stamp and the feedback footer. A page
 * that does not have this shape fails with the section and the line at fault.
 */
public final class DocPageParser {

    /** The sections of a page, in page order. */
    enum Section {
        DESCRIPTION("1. API Description", true),
        INPUT("2. Input Parameters", true),
        OUTPUT("3. Output Parameters", true),
        EXAMPLE("4. Example", false),
        RESOURCES("5. Developer Resources", false),
        ERRORS("6. Error Code", true);

        final String heading;
        final boolean required;

        Section(String heading, boolean required) {
            this.heading = heading;
            this.required = required;
        }

        String title() {
            return heading.substring(heading.indexOf(' ') + 1);
        }
    }

    private static final Pattern HEADING = Pattern.compile("[0-9]+\\.\\s+(.+?)");
    private static final Pattern ACTION_NAME = Pattern.compile("[A-Z][A-Za-z0-9]+");
    private static final Pattern DOMAIN =
            Pattern.compile("Domain name for API request:\\s*([a-z0-9.-]+?)\\.?");
    private static final Pattern RATE_LIMIT =
            Pattern.compile("A maximum of ([0-9]+) requests? can be initiated per second.*");
    private static final String TYPE = "(Array of [A-Za-z_][A-Za-z0-9_]*|Timestamp ISO8601|[A-Z][A-Za-z0-9_]*)";
    private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*)(?:\\.N)?";
    private static final Pattern INPUT_HEADER = Pattern.compile("Parameter Name\\s+Required\\s+Type\\s+Description");
    private static final Pattern INPUT_ROW =
            Pattern.compile(NAME + "\\s+(Yes|No)\\s+" + TYPE + "(?:\\s+(.*))?");
    private static final Pattern OUTPUT_HEADER = Pattern.compile("Parameter Name\\s+Type\\s+Description");
    private static final Pattern OUTPUT_ROW = Pattern.compile(NAME + "\\s+" + TYPE + "(?:\\s+(.*))?");
    private static final Pattern VALUE_FOR_THIS_API = Pattern.compile(".*The value used for this API:\\s*(\\S+?)\\.?");
    private static final Pattern ONLY_SUPPORTS = Pattern.compile("This API only supports:([^\\n]*)");
    private static final Pattern REGION_ID = Pattern.compile("[a-z]+(-[a-z0-9]+)+");
    private static final Pattern EXAMPLE_HEADING = Pattern.compile("Example\\s*([0-9]+)\\s*(.*)");
    private static final Pattern ERROR_HEADER = Pattern.compile("Error Code\\s+Description");
    private static final Pattern ERROR_ROW =
            Pattern.compile("([A-Z][a-z0-9]*[A-Z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)*)(?:\\s+(.*))?");
    private static final Pattern NO_ERROR_CODES = Pattern.compile("(?i).*there is no error code.*");
    private static final Set<String> COMMON_PARAMETERS = Set.of("Action", "Version", "Region");
    private static final List<Pattern> CHROME = List.of(
            Pattern.compile("(?i)tencent cloud"),
            Pattern.compile("最后更新时间.*"),
            Pattern.compile("We recommend you to use API Explorer"),
            Pattern.compile("Try it"),
            Pattern.compile("API Explorer provides .*"),
            Pattern.compile("本页内容是否解决了您的问题.*"),
            Pattern.compile("您也可以.*"),
            Pattern.compile("文档反馈"));
    private static final Pattern CJK = Pattern.compile(".*[\\u3000-\\u9fff\\uff00-\\uffef].*");
    private static final Pattern ASCII_LETTER = Pattern.compile(".*[A-Za-z].*");

    private final String source;
    private final List<String> lines;
    private final Map<Section, Integer> headings = new EnumMap<>(Section.class);
    private final List<ImportMessage> warnings = new ArrayList<>();
    private boolean eventStreamExample;

    private DocPageParser(String source, String text) {
        this.source = source;
        List<String> all = Arrays.asList(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        this.lines = all.size() > 1 && all.get(all.size() - 1).isEmpty() ? all.subList(0, all.size() - 1) : all;
    }

    /**
     * Parses a page.
     *
     * @param source the file name that messages name
     * @param text the page's text
     * @throws ImportException naming the section and line at fault
     */
    public static DocPage parse(String source, String text) throws ImportException {
        return new DocPageParser(source, text).page();
    }

    private DocPage page() throws ImportException {
        findSections();
        int actionLine = actionLine();
        String action = lines.get(actionLine).strip();
        Description description = description();
        Table input = parameters(Section.INPUT, INPUT_HEADER, INPUT_ROW, "Parameter Name Required Type Description");
        Common common = common(input, action);
        Table output = parameters(Section.OUTPUT, OUTPUT_HEADER, OUTPUT_ROW, "Parameter Name Type Description");
        MemberTypes types = new MemberTypes(input.parameters().stream()
                .map(p -> new SpecDraft.Member(p.name(), p.specType(), p.specItems(), p.required(), "", "", false,
                        p.origin()))
                .toList(), name -> Optional.empty());
        List<SpecDraft.Example> examples = examples(types);
        List<DocPage.ErrorCodeRow> errorCodes = errorCodes();
        return new DocPage(source, action, origin(actionLine), description.domain, common.version,
                description.text, origin(description.firstLine), common.regions, origin(common.regionsLine),
                description.rateLimit, origin(description.rateLimitLine), input.parameters(), output.parameters(),
                examples, eventStreamExample, errorCodes, warnings);
    }

    // ---- sections

    private void findSections() throws ImportException {
        Section previous = null;
        for (int i = 0; i < lines.size(); i++) {
            Optional<Section> section = heading(lines.get(i).strip());
            if (section.isEmpty()) {
                continue;
            }
            if (headings.containsKey(section.get())) {
                throw fail(i, section.get(), "the section appears twice; it first appears at line "
                        + (headings.get(section.get()) + 1));
            }
            if (previous != null && section.get().ordinal() < previous.ordinal()) {
                throw fail(i, section.get(), "the section comes after \"" + previous.heading
                        + "\"; expected the sections in the order 1 to 6");
            }
            headings.put(section.get(), i);
            previous = section.get();
        }
        for (Section section : Section.values()) {
            if (section.required && !headings.containsKey(section)) {
                int at = headings.entrySet().stream()
                        .filter(e -> e.getKey().ordinal() > section.ordinal())
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(lines.size() - 1);
                throw fail(at, section, "the page has no such section; expected the heading \"" + section.heading
                        + "\" before this line");
            }
        }
    }

    private static Optional<Section> heading(String line) {
        Matcher m = HEADING.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String title = m.group(1).toLowerCase(Locale.ROOT);
        for (Section section : Section.values()) {
            String expected = section.title().toLowerCase(Locale.ROOT);
            if (title.equals(expected) || title.equals(expected + "s")) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }

    /** The 0-based line numbers of the section's body: after its heading, up to the next heading. */
    private int[] body(Section section) {
        int start = headings.get(section) + 1;
        int end = headings.entrySet().stream()
                .filter(e -> e.getKey().ordinal() > section.ordinal())
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(lines.size());
        return new int[] {start, end};
    }

    private int actionLine() throws ImportException {
        for (int i = 0; i < headings.get(Section.DESCRIPTION); i++) {
            if (ACTION_NAME.matcher(lines.get(i).strip()).matches()) {
                return i;
            }
        }
        throw ImportException.at(origin(headings.get(Section.DESCRIPTION)), "the page names no action: expected "
                + "a line with the action name (such as \"StopPublishCdnStream\") before \""
                + Section.DESCRIPTION.heading + "\"");
    }

    // ---- 1. API Description

    private record Description(String domain, String text, int firstLine, OptionalInt rateLimit, int rateLimitLine) {}

    private Description description() throws ImportException {
        int[] body = body(Section.DESCRIPTION);
        String domain = null;
        OptionalInt rateLimit = OptionalInt.empty();
        int rateLimitLine = -1;
        List<String> text = new ArrayList<>();
        int firstLine = -1;
        for (int i = body[0]; i < body[1]; i++) {
            String line = lines.get(i).strip();
            Matcher domainLine = DOMAIN.matcher(line);
            Matcher rate = RATE_LIMIT.matcher(line);
            if (isChrome(line)) {
                continue;
            } else if (domainLine.matches()) {
                domain = domainLine.group(1);
            } else if (rate.matches()) {
                rateLimit = parsePositive(rate.group(1), i, Section.DESCRIPTION);
                rateLimitLine = i;
            } else if (!line.isEmpty() || !text.isEmpty()) {
                if (firstLine < 0) {
                    firstLine = i;
                }
                text.add(line);
            }
        }
        if (domain == null) {
            throw fail(headings.get(Section.DESCRIPTION), Section.DESCRIPTION,
                    "no line \"Domain name for API request: <host>\"");
        }
        return new Description(domain, paragraphs(text), Math.max(firstLine, headings.get(Section.DESCRIPTION)),
                rateLimit, rateLimitLine);
    }

    private OptionalInt parsePositive(String digits, int line, Section section) throws ImportException {
        try {
            int value = Integer.parseInt(digits);
            if (value >= 1) {
                return OptionalInt.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw fail(line, section, "the rate limit " + digits + " is not a whole number of at least 1");
    }

    /** Lines joined by newlines, blank runs collapsed to one blank line, no blank lines at either end. */
    private static String paragraphs(List<String> text) {
        List<String> kept = new ArrayList<>();
        for (String line : text) {
            if (!(line.isEmpty() && (kept.isEmpty() || kept.get(kept.size() - 1).isEmpty()))) {
                kept.add(line);
            }
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        return String.join("\n", kept);
    }

    // ---- 2. and 3. parameter tables

    private record Table(List<DocPage.Parameter> parameters, List<DocPage.Parameter> common) {}

    private Table parameters(Section section, Pattern header, Pattern row, String headerText) throws ImportException {
        int[] body = body(section);
        int headerLine = -1;
        for (int i = body[0]; i < body[1] && headerLine < 0; i++) {
            if (header.matcher(lines.get(i).strip()).matches()) {
                headerLine = i;
            }
        }
        if (headerLine < 0) {
            throw fail(headings.get(section), section, "no table header \"" + headerText + "\"");
        }
        List<String> names = new ArrayList<>();
        List<Boolean> required = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<List<String>> descriptions = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        boolean withRequired = section == Section.INPUT;
        for (int i = headerLine + 1; i < body[1]; i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || isChrome(line)) {
                continue;
            }
            Matcher m = row.matcher(line);
            if (m.matches()) {
                names.add(m.group(1));
                required.add(withRequired && m.group(2).equals("Yes"));
                types.add(m.group(withRequired ? 3 : 2));
                String description = m.group(withRequired ? 4 : 3);
                descriptions.add(new ArrayList<>(List.of(description == null ? "" : description.strip())));
                rowLines.add(i);
            } else if (!names.isEmpty()) {
                descriptions.get(descriptions.size() - 1).add(line);
            } else {
                throw fail(i, section, "expected a row \"" + headerText.replace("Parameter Name", "Name")
                        + "\" after the table header, but found \"" + abbreviate(line) + "\"");
            }
        }
        List<DocPage.Parameter> parameters = new ArrayList<>();
        List<DocPage.Parameter> common = new ArrayList<>();
        for (int r = 0; r < names.size(); r++) {
            DocPage.Parameter parameter = new DocPage.Parameter(names.get(r), required.get(r), types.get(r),
                    String.join("\n", descriptions.get(r)).strip(), origin(rowLines.get(r)));
            if (withRequired && COMMON_PARAMETERS.contains(parameter.name())) {
                common.add(parameter);
            } else {
                int duplicate = indexOf(parameters, parameter.name());
                if (duplicate >= 0) {
                    throw fail(rowLines.get(r), section, "parameter " + parameter.name() + " is listed twice; it "
                            + "first appears at line " + parameters.get(duplicate).origin().line());
                }
                parameters.add(parameter);
            }
        }
        return new Table(parameters, common);
    }

    private static int indexOf(List<DocPage.Parameter> parameters, String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private record Common(String version, Optional<List<String>> regions, int regionsLine) {}

    /** What the common parameters Action, Version and Region say about the action. */
    private Common common(Table input, String action) throws ImportException {
        String version = "";
        Optional<List<String>> regions = Optional.empty();
        int regionsLine = -1;
        for (DocPage.Parameter parameter : input.common()) {
            int line = parameter.origin().line() - 1;
            String description = parameter.description().replace('\n', ' ');
            Matcher value = VALUE_FOR_THIS_API.matcher(description);
            switch (parameter.name()) {
                case "Action" -> {
                    if (value.matches() && !value.group(1).equals(action)) {
                        throw fail(line, Section.INPUT, "the page documents action " + action
                                + " but its Action parameter says \"" + value.group(1) + "\"");
                    }
                }
                case "Version" -> version = value.matches() ? value.group(1) : "";
                default -> {
                    Matcher only = ONLY_SUPPORTS.matcher(description);
                    if (only.find()) {
                        List<String> ids = new ArrayList<>();
                        Matcher id = REGION_ID.matcher(only.group(1));
                        while (id.find()) {
                            ids.add(id.group());
                        }
                        if (ids.isEmpty()) {
                            throw fail(line, Section.INPUT, "\"This API only supports:\" names no region id "
                                    + "(such as ap-guangzhou)");
                        }
                        regions = Optional.of(ids.stream().distinct().toList());
                        regionsLine = line;
                    }
                }
            }
        }
        return new Common(version, regions, regionsLine);
    }

    // ---- 4. Example

    private List<SpecDraft.Example> examples(MemberTypes types) throws ImportException {
        if (!headings.containsKey(Section.EXAMPLE)) {
            return List.of();
        }
        int[] body = body(Section.EXAMPLE);
        List<SpecDraft.Example> examples = new ArrayList<>();
        int headingLine = -1;
        String title = "";
        int inputLine = -1;
        int outputLine = -1;
        for (int i = body[0]; i <= body[1]; i++) {
            String line = i < body[1] ? lines.get(i).strip() : "";
            Matcher heading = EXAMPLE_HEADING.matcher(line);
            boolean end = i == body[1] || heading.matches();
            if (end && headingLine >= 0) {
                example(title, headingLine, inputLine, outputLine, i, types).ifPresent(examples::add);
            }
            if (i == body[1]) {
                break;
            }
            if (heading.matches()) {
                headingLine = i;
                title = heading.group(2).strip().isEmpty() ? "Example " + heading.group(1) : heading.group(2).strip();
                inputLine = -1;
                outputLine = -1;
            } else if (line.equals("Input Example") && headingLine >= 0 && inputLine < 0) {
                inputLine = i;
            } else if (line.equals("Output Example") && inputLine >= 0 && outputLine < 0) {
                outputLine = i;
            } else if (headingLine < 0 && !line.isEmpty() && !isChrome(line)) {
                throw fail(i, Section.EXAMPLE, "expected an example heading such as \"Example1 Stopping a relaying "
                        + "task\", but found \"" + abbreviate(line) + "\"");
            }
        }
        return examples;
    }

    /** The example, or empty (with a warning) when its answer is an event stream, which marks the page streaming. */
    private Optional<SpecDraft.Example> example(String title, int headingLine, int inputLine, int outputLine, int end,
            MemberTypes types) throws ImportException {
        if (inputLine < 0 || outputLine < 0) {
            throw fail(headingLine, Section.EXAMPLE, "example \"" + title + "\" has no \""
                    + (inputLine < 0 ? "Input Example" : "Output Example") + "\" line");
        }
        for (int i = outputLine + 1; i < end; i++) {
            if (StreamingRule.isEventStream(lines.get(i))) {
                warnings.add(new ImportMessage(origin(i), "example \"" + title + "\" "
                        + StreamingRule.EVENT_STREAM_EXAMPLE_LEFT_OUT));
                eventStreamExample = true;
                return Optional.empty();
            }
        }
        ExampleText.Body request = ExampleText.request(text(inputLine + 1, outputLine), types);
        ExampleText.Body response = ExampleText.response(text(outputLine + 1, end));
        for (ExampleText.Body body : List.of(request, response)) {
            int base = body == request ? inputLine + 1 : outputLine + 1;
            body.warnings().forEach(note -> warnings.add(new ImportMessage(origin(base + note.line() - 1),
                    "example \"" + title + "\": " + note.message())));
            if (body.body().isEmpty()) {
                throw fail(base + body.failureLine() - 1, Section.EXAMPLE, "example \"" + title + "\": "
                        + body.failure());
            }
        }
        return Optional.of(new SpecDraft.Example(title, request.body().get(), response.body().get(),
                origin(headingLine)));
    }

    /** Lines [from, to) without page chrome, joined. */
    private String text(int from, int to) {
        List<String> kept = new ArrayList<>();
        for (int i = from; i < to; i++) {
            kept.add(isChrome(lines.get(i).strip()) ? "" : lines.get(i));
        }
        return String.join("\n", kept);
    }

    // ---- 6. Error Code

    private List<DocPage.ErrorCodeRow> errorCodes() throws ImportException {
        int[] body = body(Section.ERRORS);
        int headerLine = -1;
        for (int i = body[0]; i < body[1] && headerLine < 0; i++) {
            String line = lines.get(i).strip();
            if (ERROR_HEADER.matcher(line).matches()) {
                headerLine = i;
            } else if (NO_ERROR_CODES.matcher(line).matches()) {
                return List.of();
            }
        }
        if (headerLine < 0) {
            throw fail(headings.get(Section.ERRORS), Section.ERRORS, "no table header \"Error Code Description\"");
        }
        List<String> codes = new ArrayList<>();
        List<List<String>> descriptions = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int i = headerLine + 1; i < body[1]; i++) {
            String line = lines.get(i).strip();
            if (isFooter(line)) {
                break;
            }
            if (line.isEmpty() || isChrome(line)) {
                continue;
            }
            Matcher row = ERROR_ROW.matcher(line);
            if (row.matches()) {
                int duplicate = codes.indexOf(row.group(1));
                if (duplicate >= 0) {
                    throw fail(i, Section.ERRORS, "error code " + row.group(1) + " is listed twice; it first "
                            + "appears at line " + (rowLines.get(duplicate) + 1));
                }
                codes.add(row.group(1));
                descriptions.add(new ArrayList<>(List.of(row.group(2) == null ? "" : row.group(2).strip())));
                rowLines.add(i);
            } else if (!codes.isEmpty()) {
                descriptions.get(descriptions.size() - 1).add(line);
            } else {
                throw fail(i, Section.ERRORS, "expected a row \"Code Description\" (such as \"InternalError "
                        + "Internal error.\") after the table header, but found \"" + abbreviate(line) + "\"");
            }
        }
        List<DocPage.ErrorCodeRow> rows = new ArrayList<>();
        for (int r = 0; r < codes.size(); r++) {
            rows.add(new DocPage.ErrorCodeRow(codes.get(r), String.join(" ", descriptions.get(r)).strip(),
                    origin(rowLines.get(r))));
        }
        return rows;
    }

    // ---- helpers

    private static boolean isChrome(String line) {
        return CHROME.stream().anyMatch(p -> p.matcher(line).matches());
    }

    /** The page's feedback footer: Chinese text without any Latin letter. */
    private static boolean isFooter(String line) {
        return CJK.matcher(line).matches() && !ASCII_LETTER.matcher(line).matches();
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    private Origin origin(int zeroBasedLine) {
        return new Origin(source, zeroBasedLine < 0 ? 0 : zeroBasedLine + 1);
    }

    private ImportException fail(int zeroBasedLine, Section section, String message) {
        return ImportException.at(origin(zeroBasedLine), "in section \"" + section.heading + "\": " + message);
    }
}
