package dev.tcgen.generator.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the closest known name to a misspelt one, by edit distance. */
public final class Suggestions {

    private Suggestions() {}

    /**
     * The known name closest to {@code unknown}, if one is close enough to be a likely typo: at most a third of the
     * longer name's characters differ (ignoring case), and at least one character is shared.
     */
    private static Optional<String> closest(String unknown, Collection<String> known) {
        String lower = unknown.toLowerCase(Locale.ROOT);
        return known.stream()
                .filter(candidate -> isClose(lower, candidate.toLowerCase(Locale.ROOT)))
                .min(Comparator.comparingInt((String candidate) ->
                                distance(lower, candidate.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** {@code "; did you mean \"X\"?"} or an empty string. */
    public static String didYouMean(String unknown, Collection<String> known) {
        return didYouMeanOr(unknown, known, "");
    }

    /** {@code "; did you mean \"X\"?"} or, if no known name is close, {@code otherwise}. */
    public static String didYouMeanOr(String unknown, Collection<String> known, String otherwise) {
        return closest(unknown, known).map(s -> "; did you mean \"" + s + "\"?").orElse(otherwise);
    }

    /** Names a property the object {@code what} may not have, and the closest allowed one or else all of them. */
    public static String unknownProperty(String key, String what, Collection<String> allowed) {
        String expected = "; expected one of " + String.join(", ", allowed.stream().sorted().toList());
        return "unknown property \"" + key + "\" in " + what + didYouMeanOr(key, allowed, expected);
    }

    private static boolean isClose(String a, String b) {
        int limit = Math.max(1, Math.max(a.length(), b.length()) / 3);
        return Math.abs(a.length() - b.length()) <= limit && distance(a, b) <= limit;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
