package dev.tcgen.generator.testing;

import java.util.List;

/**
 * A unified-style line diff of two texts, for assertion messages: one hunk from the first differing line to the last,
 * with a few lines of context around it and the changed lines cut short when there are many.
 *
 * <pre>
 * --- golden
 * +++ generated
 * {@literal @@} -10,7 +10,7 {@literal @@}
 *      private final String action;
 *
 *      private final String version;
 * -    private final String region;
 * +    private final Region region;
 *
 *      private Request(Builder builder) {
 *          action = builder.action;
 * </pre>
 */
public final class LineDiff {

    /** Unchanged lines shown before and after the changed ones. */
    static final int CONTEXT = 3;
    /** Changed lines shown of each side at the most. */
    static final int MAX_CHANGED = 40;

    private LineDiff() {}

    /**
     * The diff that turns {@code expected} into {@code actual}, or an empty string if they are equal. Lines are
     * separated by {@code \n}; a missing final newline counts as a difference (an empty last line).
     */
    public static String unified(String expectedName, String expected, String actualName, String actual) {
        if (expected.equals(actual)) {
            return "";
        }
        List<String> before = List.of(expected.split("\n", -1));
        List<String> after = List.of(actual.split("\n", -1));
        int prefix = commonPrefix(before, after);
        int suffix = commonSuffix(before.subList(prefix, before.size()), after.subList(prefix, after.size()));
        int start = Math.max(0, prefix - CONTEXT);
        int beforeEnd = Math.min(before.size(), before.size() - suffix + CONTEXT);
        int afterEnd = Math.min(after.size(), after.size() - suffix + CONTEXT);

        StringBuilder diff = new StringBuilder()
                .append("--- ").append(expectedName).append('\n')
                .append("+++ ").append(actualName).append('\n')
                .append("@@ -").append(range(start, beforeEnd)).append(" +").append(range(start, afterEnd))
                .append(" @@\n");
        appendLines(diff, ' ', before.subList(start, prefix));
        boolean removedCut = appendLines(diff, '-', before.subList(prefix, before.size() - suffix));
        boolean addedCut = appendLines(diff, '+', after.subList(prefix, after.size() - suffix));
        if (!removedCut && !addedCut) {
            appendLines(diff, ' ', before.subList(before.size() - suffix, beforeEnd));
        }
        return diff.toString();
    }

    private static int commonPrefix(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return n;
    }

    private static int commonSuffix(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(a.size() - 1 - n).equals(b.get(b.size() - 1 - n))) {
            n++;
        }
        return n;
    }

    /** A hunk range, {@code first,count}, with lines numbered from 1. */
    private static String range(int start, int end) {
        return (start + 1) + "," + (end - start);
    }

    /** Appends the lines with their marker; returns whether some were left out. */
    private static boolean appendLines(StringBuilder diff, char marker, List<String> lines) {
        lines.stream().limit(MAX_CHANGED).forEach(line -> diff.append(marker).append(line).append('\n'));
        int left = lines.size() - MAX_CHANGED;
        if (left > 0) {
            diff.append(marker).append(" ... ").append(left).append(" more line(s)\n");
        }
        return left > 0;
    }
}
