package dev.tcgen.generator.validate;

import dev.tcgen.generator.spec.MemberSpec;
import dev.tcgen.generator.spec.PagingSpec;
import dev.tcgen.generator.spec.Suggestions;
import java.util.List;

/**
 * Checks an action's stated paging against its members: one form ({@code offset}, {@code page} or {@code token})
 * with only its own properties, each name a member of the right side (input or output) and type, {@code firstPage}
 * 0 or 1. {@code "paging": false} names nothing and is always right. The validator checks spec files with it, and the
 * importer an overlay's paging, each placing the problems in its own file.
 *
 * <pre>{@code
 * PagingCheck.check("DescribeRooms", paging, input, output, (key, message) -> problems.add(...));
 * }</pre>
 */
public final class PagingCheck {

    /** The three forms, as the messages show them. */
    public static final String FORMS = "{\"offset\", \"limit\", \"total\", \"items\"}, {\"page\", \"pageSize\", "
            + "\"firstPage\", \"total\", \"items\"} or {\"token\", \"nextToken\", \"items\"}";

    private static final List<String> INTEGER = List.of("int64", "uint64");
    private static final List<String> STRING = List.of("string");
    private static final List<String> LIST = List.of("list");

    /** Where the problems of a paging go. */
    @FunctionalInterface
    public interface Problems {

        /**
         * One problem.
         *
         * @param key the paging's property it is about, e.g. {@code total}, or empty for the paging itself
         * @param message what is wrong and what is expected, naming the action
         */
        void add(String key, String message);
    }

    private final String action;
    private final List<MemberSpec> input;
    private final List<MemberSpec> output;
    private final Problems problems;

    private PagingCheck(String action, List<MemberSpec> input, List<MemberSpec> output, Problems problems) {
        this.action = action;
        this.input = input;
        this.output = output;
        this.problems = problems;
    }

    /**
     * Checks a paging.
     *
     * @param action the action's name, for the messages
     * @param paging its paging as stated
     * @param input its input members
     * @param output its output members
     * @param problems told of every problem
     */
    public static void check(String action, PagingSpec paging, List<MemberSpec> input, List<MemberSpec> output,
            Problems problems) {
        if (paging.paged()) {
            new PagingCheck(action, input, output, problems).check(paging);
        }
    }

    private void check(PagingSpec paging) {
        List<String> forms = paging.forms();
        if (forms.size() != 1) {
            problems.add("", "paging of " + action + " must name exactly one of \"offset\", \"page\" or \"token\""
                    + (forms.isEmpty() ? "" : ", not " + String.join(" and ", forms)) + ": " + FORMS
                    + ", or be false for an action that does not page");
            return;
        }
        String form = forms.get(0);
        List<String> allowed = switch (form) {
            case "offset" -> List.of("offset", "limit", "total", "items");
            case "page" -> List.of("page", "pageSize", "firstPage", "total", "items");
            default -> List.of("token", "nextToken", "items");
        };
        notAllowed("limit", paging.limit(), form, allowed);
        notAllowed("pageSize", paging.pageSize(), form, allowed);
        notAllowed("nextToken", paging.nextToken(), form, allowed);
        notAllowed("total", paging.total(), form, allowed);
        if (paging.firstPage().isPresent() && (!form.equals("page") || paging.firstPage().getAsLong() < 0
                || paging.firstPage().getAsLong() > 1)) {
            problems.add("firstPage", "\"firstPage\" of " + action + " is " + paging.firstPage().getAsLong()
                    + "; it is 0 or 1, and belongs to paging by page only");
        }
        member("input", "offset", paging.offset(), INTEGER, "the offset");
        member("input", "limit", paging.limit(), INTEGER, "the page size");
        member("input", "page", paging.page(), INTEGER, "the page number");
        member("input", "pageSize", paging.pageSize(), INTEGER, "the page size");
        member("input", "token", paging.token(), STRING, "the continuation token");
        member("output", "nextToken", paging.nextToken(), STRING, "the next page's token");
        member("output", "total", paging.total(), INTEGER, "the total count");
        member("output", "items", paging.items(), LIST, "the items");
        if (form.equals("token") && paging.nextToken().isEmpty()) {
            problems.add("", "paging by token of " + action + " needs \"nextToken\", the output member of the next "
                    + "page's token: {\"token\", \"nextToken\", \"items\"}");
        }
    }

    private void notAllowed(String key, String value, String form, List<String> allowed) {
        if (!value.isEmpty() && !allowed.contains(key)) {
            problems.add(key, "\"" + key + "\" does not belong to paging by " + form + " (of " + action + "), which "
                    + "has " + String.join(", ", allowed));
        }
    }

    private void member(String side, String key, String name, List<String> types, String what) {
        if (name.isEmpty()) {
            return;
        }
        List<MemberSpec> members = side.equals("input") ? input : output;
        MemberSpec member = members.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
        if (member == null) {
            problems.add(key, "\"" + key + "\" names " + name + ", which is not an " + side + " member of " + action
                    + Suggestions.didYouMean(name, members.stream().map(MemberSpec::name).toList()));
        } else if (!types.contains(member.type())) {
            problems.add(key, "\"" + key + "\" names " + name + ", an " + side + " member of " + action + " of type "
                    + member.type() + "; " + what + " must be of type " + String.join(" or ", types));
        }
    }
}
