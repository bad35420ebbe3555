package dev.tcgen.generator.model;

import dev.tcgen.generator.spec.ActionSpec;
import dev.tcgen.generator.spec.MemberSpec;
import dev.tcgen.generator.spec.PagingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Recognises how an action pages from its members, for an action whose spec does not say (the importer writes what
 * they recognise into the specs it makes). The rules are conservative: a shape is recognised only when nothing about
 * it is in doubt, and anything else is left alone (a spec or an overlay can state it with {@code "paging"}).
 *
 * <ol>
 *   <li>Offset: int64/uint64 inputs {@code Offset} and {@code Limit}.
 *   <li>Page number: exactly one int64/uint64 input of {@code PageNumber}, {@code PageNum}, {@code PageNo},
 *       {@code PageIndex}, {@code Page}, and an int64/uint64 {@code PageSize}. The first page is 0 where the page
 *       member's description says its default or start is 0 ("The default is 0"), else 1.
 *   <li>Token: a string input and a string output of the same name, {@code NextToken}, {@code PaginationToken},
 *       {@code ScrollToken} or {@code PageToken}.
 *   <li>The output has exactly one list, the items; for offset and page numbers, at most one output named
 *       {@code TotalCount}, {@code Total}, {@code TotalNum}, {@code TotalCounts}, {@code TotalCnt} or
 *       {@code TotalNumber}, and it is an int64/uint64: the total count.
 * </ol>
 *
 * An action whose inputs make one of these forms but that breaks a rule (two forms, two page numbers or tokens, two
 * lists, two totals, a total that is not an integer) is ambiguous: the rules give no paging and say why, and a spec
 * or an overlay can state it. One whose output has no list at all gets none either: its items, if it has any, are
 * inside a structure, and paging names only members of the output itself.
 */
public final class PagingRules {

    private static final List<String> INTEGERS = List.of("int64", "uint64");
    private static final List<String> TOTALS =
            List.of("TotalCount", "Total", "TotalNum", "TotalCounts", "TotalCnt", "TotalNumber");
    private static final List<String> PAGES = List.of("PageNumber", "PageNum", "PageNo", "PageIndex", "Page");
    private static final List<String> TOKENS = List.of("NextToken", "PaginationToken", "ScrollToken", "PageToken");
    private static final Pattern COUNTS_FROM_ZERO =
            Pattern.compile("(?i)\\b(default(s| value)?( is|:)?|start(s|ing)? (from|at|with))\\s*`?0`?(?!\\d|\\.\\d)");

    private PagingRules() {}

    /**
     * What the rules make of an action's members.
     *
     * @param kind which of the four it is
     * @param paging the paging recognised ({@link Kind#PAGED}), else empty
     * @param inputs the inputs that make a form of paging, e.g. {@code Offset and Limit}; empty for
     *     {@link Kind#NOT_PAGED}
     * @param reason why an action with such inputs gets no paging, e.g. {@code its output has 2 lists, A, B}; empty
     *     for {@link Kind#PAGED} and {@link Kind#NOT_PAGED}
     */
    public record Verdict(Kind kind, Optional<PagingSpec> paging, String inputs, String reason) {

        /** The four verdicts. */
        public enum Kind {
            /** A shape is recognised. */
            PAGED,
            /** No input makes a form of paging. */
            NOT_PAGED,
            /** The inputs make a form of paging, but the rest is in doubt; a spec or an overlay can state it. */
            AMBIGUOUS,
            /**
             * The inputs make a form of paging, but the output has no list: the items, if any, are inside a
             * structure, where paging cannot name them.
             */
            NO_LIST
        }

        static Verdict paged(PagingSpec paging) {
            return new Verdict(Kind.PAGED, Optional.of(paging), "", "");
        }

        /** Whether the action takes paging inputs but is left alone for a reason a spec can settle. */
        public boolean isAmbiguous() {
            return kind == Kind.AMBIGUOUS;
        }
    }

    private static final Verdict NOT_PAGED = new Verdict(Verdict.Kind.NOT_PAGED, Optional.empty(), "", "");

    /**
     * The paging the rules recognise in {@code action}, if any.
     *
     * @param action the action
     * @return its paging, stated as a spec would
     */
    public static Optional<PagingSpec> recognise(ActionSpec action) {
        return judge(action.pointer() + "/paging", action.input(), action.output()).paging();
    }

    /**
     * What the rules make of an action's members.
     *
     * @param pointer the pointer the paging gets, where its action's {@code "paging"} would be
     * @param input the action's input members
     * @param output its output members
     */
    public static Verdict judge(String pointer, List<MemberSpec> input, List<MemberSpec> output) {
        Map<String, MemberSpec> in = byName(input);
        Map<String, MemberSpec> out = byName(output);
        boolean offset = isInteger(in.get("Offset")) && isInteger(in.get("Limit"));
        List<String> pages = PAGES.stream().filter(name -> isInteger(in.get(name))).toList();
        boolean page = !pages.isEmpty() && isInteger(in.get("PageSize"));
        List<String> tokens = TOKENS.stream()
                .filter(name -> isString(in.get(name)) && isString(out.get(name))).toList();

        List<String> forms = new ArrayList<>();
        if (offset) {
            forms.add("Offset and Limit");
        }
        if (page) {
            forms.add(String.join(", ", pages) + " and PageSize");
        }
        if (!tokens.isEmpty()) {
            forms.add(String.join(", ", tokens));
        }
        if (forms.isEmpty()) {
            return NOT_PAGED;
        }
        String inputs = String.join(" and ", forms);
        List<String> lists = output.stream().filter(m -> m.type().equals("list")).map(MemberSpec::name).toList();
        if (lists.isEmpty()) {
            return new Verdict(Verdict.Kind.NO_LIST, Optional.empty(), inputs, "its output has no list");
        }
        List<MemberSpec> totals = TOTALS.stream().map(out::get).filter(m -> m != null).toList();
        Optional<String> ambiguity = ambiguity(forms, pages, tokens, lists, totals);
        if (ambiguity.isPresent()) {
            return new Verdict(Verdict.Kind.AMBIGUOUS, Optional.empty(), inputs, ambiguity.get());
        }
        String items = lists.get(0);
        String total = totals.isEmpty() ? "" : totals.get(0).name();
        if (offset) {
            return Verdict.paged(PagingSpec.offset(pointer, "Offset", "Limit", total, items));
        }
        if (page) {
            long first = COUNTS_FROM_ZERO.matcher(in.get(pages.get(0)).description()).find() ? 0 : 1;
            return Verdict.paged(PagingSpec.pageNumber(pointer, pages.get(0), "PageSize", first, total, items));
        }
        return Verdict.paged(PagingSpec.token(pointer, tokens.get(0), tokens.get(0), items));
    }

    private static Optional<String> ambiguity(List<String> forms, List<String> pages, List<String> tokens,
            List<String> lists, List<MemberSpec> totals) {
        if (forms.size() > 1) {
            return Optional.of("it takes two forms of paging");
        }
        if (pages.size() > 1) {
            return Optional.of("it has " + pages.size() + " page numbers, " + String.join(", ", pages));
        }
        if (tokens.size() > 1) {
            return Optional.of("it has " + tokens.size() + " tokens, " + String.join(", ", tokens));
        }
        if (lists.size() > 1) {
            return Optional.of("its output has " + lists.size() + " lists, " + String.join(", ", lists));
        }
        if (!tokens.isEmpty()) {
            return Optional.empty();
        }
        if (totals.size() > 1) {
            return Optional.of("its output has " + totals.size() + " totals, "
                    + totals.stream().map(MemberSpec::name).collect(Collectors.joining(", ")));
        }
        return totals.stream().filter(total -> !isInteger(total)).findFirst()
                .map(total -> "its total " + total.name() + " is of type " + total.type() + ", not an integer");
    }

    private static Map<String, MemberSpec> byName(List<MemberSpec> members) {
        return members.stream().collect(Collectors.toMap(MemberSpec::name, Function.identity(), (a, b) -> a));
    }

    private static boolean isInteger(MemberSpec member) {
        return member != null && INTEGERS.contains(member.type());
    }

    private static boolean isString(MemberSpec member) {
        return member != null && member.type().equals("string");
    }
}
