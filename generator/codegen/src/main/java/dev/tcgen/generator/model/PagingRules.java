package dev.tcgen.generator.model;

import dev.tcgen.generator.spec.ActionSpec;
import dev.tcgen.generator.spec.MemberSpec;
import dev.tcgen.generator.spec.PagingSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Recognises how an action pages from its members, for an action whose spec does not say. The rules are
 * conservative: a shape is recognised only when nothing about it is in doubt, and anything else is left alone (an
 * overlay can state it with {@code "paging"}).
 *
 * <ol>
 *   <li>The output has exactly one list, the items, and at most one total count: an int64/uint64 member named
 *       {@code TotalCount}, {@code Total}, {@code TotalNum}, {@code TotalCounts}, {@code TotalCnt} or
 *       {@code TotalNumber}.
 *   <li>Offset: int64/uint64 inputs {@code Offset} and {@code Limit}.
 *   <li>Page number: exactly one int64/uint64 input of {@code PageNumber}, {@code PageNum}, {@code PageNo},
 *       {@code PageIndex}, {@code Page}, and an int64/uint64 {@code PageSize}. The first page is 0 where the page
 *       member's description says its default or start is 0 ("The default is 0"), else 1.
 *   <li>Token: a string input and a string output of the same name, {@code NextToken}, {@code PaginationToken},
 *       {@code ScrollToken} or {@code PageToken} (one of them).
 *   <li>An action matching two shapes is left alone.
 * </ol>
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
     * The paging the rules recognise in {@code action}, if any.
     *
     * @param action the action
     * @return its paging, stated as a spec would
     */
    public static Optional<PagingSpec> recognise(ActionSpec action) {
        Map<String, MemberSpec> input = byName(action.input());
        Map<String, MemberSpec> output = byName(action.output());
        List<String> lists = action.output().stream().filter(m -> m.type().equals("list")).map(MemberSpec::name)
                .toList();
        List<String> totals = TOTALS.stream().filter(name -> isInteger(output.get(name))).toList();
        boolean offset = isInteger(input.get("Offset")) && isInteger(input.get("Limit"));
        List<String> pages = PAGES.stream().filter(name -> isInteger(input.get(name))).toList();
        boolean page = pages.size() == 1 && isInteger(input.get("PageSize"));
        List<String> tokens = TOKENS.stream()
                .filter(name -> isString(input.get(name)) && isString(output.get(name))).toList();
        int shapes = (offset ? 1 : 0) + (page ? 1 : 0) + (tokens.isEmpty() ? 0 : 1);
        if (shapes != 1 || lists.size() != 1 || totals.size() > 1 || tokens.size() > 1) {
            return Optional.empty();
        }
        String items = lists.get(0);
        String total = totals.isEmpty() ? "" : totals.get(0);
        String pointer = action.pointer() + "/paging";
        if (offset) {
            return Optional.of(new PagingSpec(pointer, "Offset", "Limit", "", "", OptionalLong.empty(), "", "", total,
                    items));
        }
        if (page) {
            long first = COUNTS_FROM_ZERO.matcher(input.get(pages.get(0)).description()).find() ? 0 : 1;
            return Optional.of(new PagingSpec(pointer, "", "", pages.get(0), "PageSize", OptionalLong.of(first), "",
                    "", total, items));
        }
        return Optional.of(new PagingSpec(pointer, "", "", "", "", OptionalLong.empty(), tokens.get(0), tokens.get(0),
                "", items));
    }

    private static Map<String, MemberSpec> byName(List<MemberSpec> members) {
        return members.stream().collect(Collectors.toMap(MemberSpec::name, Function.identity(), (a, b) -> a));
    }

    static boolean isInteger(MemberSpec member) {
        return member != null && INTEGERS.contains(member.type());
    }

    static boolean isString(MemberSpec member) {
        return member != null && member.type().equals("string");
    }
}
