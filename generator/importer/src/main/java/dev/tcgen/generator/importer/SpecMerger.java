package dev.tcgen.generator.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Merges what doc pages say into the {@code api.json} import, and adds Tencent Cloud's common error codes.
 *
 * <p>Who wins:
 * <ul>
 *   <li>Facts only a page has are added to its action: supported regions, rate limit, error codes (with their
 *       descriptions, into the service's list), examples (a page example with the title of an {@code examples.json}
 *       one replaces it if the call differs, with a warning).
 *   <li>Prose: the page's description of the action and of each parameter replaces {@code api.json}'s (the page is
 *       the published, rendered text); a warning when the two differ beyond Markdown links, HTML tags and spacing.
 *       The page's example request gives each scalar input member its example value.
 *   <li>Machine facts: a member's type and required flag stay as {@code api.json} says (it is what Tencent's SDKs
 *       are generated from, and its types are more precise: {@code uint64} where a page says Integer); where the
 *       page disagrees, a warning names both places.
 *   <li>Nothing is dropped silently: a page parameter {@code api.json} lacks is added (warning); an {@code api.json}
 *       member the page does not list is kept (warning, unless deprecated: pages leave those out); a page for an
 *       action {@code api.json} lacks adds the action (warning).
 *   <li>An error code both common and listed by a page stays {@code common}, with the page's description.
 *   <li>Regions: an overlay normally lists the service's regions; without them, see {@link #withPageRegions}.
 * </ul>
 */
public final class SpecMerger {

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" ([.,;:!?)])");

    /**
     * The merged draft and the disagreements found.
     *
     * @param service the merged draft
     * @param warnings one per disagreement or addition, naming both places where there are two
     */
    public record Result(SpecDraft.Service service, List<ImportMessage> warnings) {}

    private final SpecDraft.Service imported;
    private final List<ImportMessage> warnings = new ArrayList<>();
    private final Map<String, SpecDraft.ErrorCode> errorCodes = new TreeMap<>();
    private final Map<String, Origin> describedBy = new HashMap<>();

    private SpecMerger(SpecDraft.Service imported) {
        this.imported = imported;
    }

    /** Merges the pages (in the order given) into the import, and adds the common error codes. */
    public static Result merge(SpecDraft.Service imported, List<DocPage> pages) {
        return new SpecMerger(imported).mergeAll(pages);
    }

    private Result mergeAll(List<DocPage> pages) {
        imported.errorCodes().forEach(code -> errorCodes.put(code.code(), code));
        CommonErrorCodes.all().forEach(code -> errorCodes.putIfAbsent(code.code(), code));
        Map<String, SpecDraft.Action> actions = new LinkedHashMap<>();
        imported.actions().forEach(action -> actions.put(action.name(), action));
        Map<String, Origin> pageOf = new HashMap<>();
        for (DocPage page : pages) {
            warnings.addAll(page.warnings());
            checkService(page);
            Origin earlier = pageOf.putIfAbsent(page.action(), page.actionOrigin());
            if (earlier != null) {
                warn(page.actionOrigin(), "action " + page.action() + " is already documented by " + earlier
                        + "; this page is ignored");
                continue;
            }
            SpecDraft.Action action = actions.get(page.action());
            actions.put(page.action(), action == null ? pageOnly(page) : merge(action, page));
            page.errorCodes().forEach(this::addErrorCode);
        }
        SpecDraft.Service merged = imported.withActions(List.copyOf(actions.values()))
                .withErrorCodes(List.copyOf(errorCodes.values()));
        return new Result(merged, List.copyOf(warnings));
    }

    /**
     * A service that lists no regions at all (no overlay gave them) gets the regions its pages name, without names,
     * with a warning for each. A service that lists regions keeps them as they are: a page region missing from them
     * is then a problem the validation reports.
     */
    public static Result withPageRegions(SpecDraft.Service service, List<DocPage> pages) {
        if (!service.regions().isEmpty()) {
            return new Result(service, List.of());
        }
        List<SpecDraft.Region> regions = new ArrayList<>();
        List<ImportMessage> warnings = new ArrayList<>();
        for (DocPage page : pages) {
            for (String id : page.regions().orElse(List.of())) {
                if (regions.stream().noneMatch(r -> r.id().equals(id))) {
                    warnings.add(new ImportMessage(page.regionsOrigin(), "the service lists no regions; region " + id
                            + " is added without a name (an overlay's \"regions\" lists them all, with names)"));
                    regions.add(new SpecDraft.Region(id, ""));
                }
            }
        }
        return new Result(service.withHeader(service.schema(), service.title(), service.chinaEndpoint(),
                service.internationalEndpoint(), regions), warnings);
    }

    private void checkService(DocPage page) {
        if (!page.service().equals(imported.service())) {
            warn(page.actionOrigin(), "the page's request domain " + page.domain() + " names service "
                    + page.service() + ", but the imported service is " + imported.service());
        }
        if (!page.version().isEmpty() && !page.version().equals(imported.version())) {
            warn(page.actionOrigin(), "the page documents version " + page.version() + ", but the imported "
                    + "version is " + imported.version());
        }
    }

    private SpecDraft.Action merge(SpecDraft.Action action, DocPage page) {
        String description = action.description();
        if (!page.description().isEmpty()) {
            if (!description.isEmpty() && !sameText(description, page.description())) {
                warn(page.descriptionOrigin(), "the description of action " + action.name() + " differs from the "
                        + "one at " + action.origin() + "; the page's is used");
            }
            description = page.description();
        }
        TreeSet<String> codes = new TreeSet<>(action.errorCodes());
        page.errorCodes().forEach(row -> codes.add(row.code()));
        return action.toBuilder()
                .description(description)
                .input(members(action, action.input(), page.input(), page, true))
                .output(members(action, action.output(), page.output(), page, false))
                .regions(page.regions().isPresent() ? page.regions() : action.regions())
                .rateLimit(page.rateLimit().isPresent() ? page.rateLimit() : action.rateLimit())
                .errorCodes(List.copyOf(codes))
                .examples(examples(action, page))
                .streaming(action.streaming() || page.streaming())
                .build();
    }

    private List<SpecDraft.Member> members(SpecDraft.Action action, List<SpecDraft.Member> members,
            List<DocPage.Parameter> parameters, DocPage page, boolean input) {
        String which = input ? "input" : "output";
        List<SpecDraft.Member> merged = new ArrayList<>();
        for (SpecDraft.Member member : members) {
            Optional<DocPage.Parameter> parameter =
                    parameters.stream().filter(p -> p.name().equals(member.name())).findFirst();
            if (parameter.isEmpty()) {
                if (!member.deprecated()) {
                    warn(member.origin(), which + " member " + member.name() + " of " + action.name() + " is not "
                            + "listed by the doc page " + page.source() + "; it is kept");
                }
                merged.add(member);
            } else {
                merged.add(merge(action, member, parameter.get(), page, input));
            }
        }
        for (DocPage.Parameter parameter : parameters) {
            if (members.stream().noneMatch(m -> m.name().equals(parameter.name()))) {
                pageMember(action.name(), action.origin(), parameter, which)
                        .map(m -> input ? m.withExample(page.exampleValue(m.name())) : m)
                        .ifPresent(merged::add);
            }
        }
        return merged;
    }

    private SpecDraft.Member merge(SpecDraft.Action action, SpecDraft.Member member, DocPage.Parameter parameter,
            DocPage page, boolean input) {
        String what = (input ? "parameter " : "output parameter ") + parameter.name() + " of " + action.name();
        if (!parameter.agreesWith(member)) {
            warn(parameter.origin(), what + " is of type " + parameter.type() + " on the page but "
                    + member.typeDescription() + " at " + member.origin() + "; the type " + member.typeDescription()
                    + " is kept");
        }
        if (input && parameter.required() != member.required()) {
            warn(parameter.origin(), what + " is " + (parameter.required() ? "required" : "optional")
                    + " on the page but " + (member.required() ? "required" : "optional") + " at " + member.origin()
                    + "; it is kept " + (member.required() ? "required" : "optional"));
        }
        SpecDraft.Member merged = member;
        if (!parameter.description().isEmpty()) {
            if (!member.description().isEmpty() && !sameText(member.description(), parameter.description())) {
                warn(parameter.origin(), "the description of " + what + " differs from the one at "
                        + member.origin() + "; the page's is used");
            }
            merged = merged.withDescription(parameter.description());
        }
        String example = input ? page.exampleValue(parameter.name()) : "";
        return example.isEmpty() ? merged : merged.withExample(example);
    }

    /** A member only the page has, unless its type names a structure the import does not have. */
    private Optional<SpecDraft.Member> pageMember(String action, Origin actionOrigin, DocPage.Parameter parameter,
            String which) {
        String structure = parameter.specItems().orElse(parameter.specType());
        if (Character.isUpperCase(structure.charAt(0)) && imported.structure(structure).isEmpty()) {
            warn(parameter.origin(), which + " parameter " + parameter.name() + " of " + action + " is on the page but "
                    + "not among the action's members at " + actionOrigin + ", and its type " + parameter.type() + " is not a known structure; "
                    + "it is left out");
            return Optional.empty();
        }
        SpecDraft.Member member = new SpecDraft.Member(parameter.name(), parameter.specType(), parameter.specItems(),
                parameter.required(), parameter.description(), "", false, parameter.origin());
        warn(parameter.origin(), which + " parameter " + parameter.name() + " of " + action + " is on the page but "
                + "not among the action's members at " + actionOrigin + "; it is added as " + member.typeDescription());
        return Optional.of(member);
    }

    private SpecDraft.Action pageOnly(DocPage page) {
        warn(page.actionOrigin(), "action " + page.action() + " is documented by the page but not imported from "
                + "api.json; it is added as the page describes it");
        SpecDraft.Action action = page.toAction();
        return action.toBuilder()
                .input(page.input().stream()
                        .flatMap(p -> pageMember(page.action(), page.actionOrigin(), p, "input").stream())
                        .map(m -> m.withExample(page.exampleValue(m.name())))
                        .toList())
                .output(page.output().stream()
                        .flatMap(p -> pageMember(page.action(), page.actionOrigin(), p, "output").stream())
                        .toList())
                .build();
    }

    private List<SpecDraft.Example> examples(SpecDraft.Action action, DocPage page) {
        List<SpecDraft.Example> examples = new ArrayList<>(action.examples());
        for (SpecDraft.Example example : page.examples()) {
            int sameTitle = -1;
            for (int i = 0; i < examples.size(); i++) {
                if (examples.get(i).title().equals(example.title())) {
                    sameTitle = i;
                }
            }
            if (sameTitle >= 0) {
                SpecDraft.Example other = examples.get(sameTitle);
                if (!other.sameCallAs(example)) {
                    warn(example.origin(), "example \"" + example.title() + "\" of " + action.name() + " differs "
                            + "from the one at " + other.origin() + "; the page's is used");
                    examples.set(sameTitle, example);
                }
            } else if (examples.stream().noneMatch(e -> e.sameCallAs(example))) {
                examples.add(example);
            }
        }
        return examples;
    }

    private void addErrorCode(DocPage.ErrorCodeRow row) {
        SpecDraft.ErrorCode known = errorCodes.get(row.code());
        Origin earlier = describedBy.get(row.code());
        if (earlier != null) {
            if (!row.description().isEmpty() && !row.description().equals(known.description())) {
                warn(row.origin(), "error code " + row.code() + " is described as \"" + known.description()
                        + "\" at " + earlier + "; that description is kept");
            }
            return;
        }
        if (row.description().isEmpty() && known != null) {
            return;
        }
        errorCodes.put(row.code(), new SpecDraft.ErrorCode(row.code(), row.description(),
                known != null && known.common()));
        describedBy.put(row.code(), row.origin());
    }

    /** Whether two texts say the same once Markdown links, HTML tags and spacing are set aside. */
    static boolean sameText(String a, String b) {
        return plain(a).equals(plain(b));
    }

    private static String plain(String text) {
        String withoutLinks = MARKDOWN_LINK.matcher(text).replaceAll("$1");
        String withoutTags = HTML_TAG.matcher(withoutLinks).replaceAll(" ");
        String spaced = SPACE.matcher(withoutTags).replaceAll(" ");
        return SPACE_BEFORE_PUNCTUATION.matcher(spaced).replaceAll("$1").strip();
    }

    private void warn(Origin origin, String message) {
        warnings.add(new ImportMessage(origin, message));
    }
}
