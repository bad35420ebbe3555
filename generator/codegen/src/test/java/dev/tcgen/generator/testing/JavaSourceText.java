package dev.tcgen.generator.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java source split the way javac's scanner sees it (before Unicode escapes, which tests check separately): its
 * comments, its string and character literals, and the code around them. Lets a test ask whether text from a spec
 * stayed inside the comment or literal it was put in.
 *
 * @param comments the text of each comment, without its delimiters
 * @param literals the text of each string, text block or character literal, without its quotes
 * @param code everything else, with each comment and literal replaced by a space
 */
public record JavaSourceText(List<String> comments, List<String> literals, String code) {

    /** Splits a source. */
    public static JavaSourceText of(String source) {
        List<String> comments = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        int i = 0;
        int n = source.length();
        while (i < n) {
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                comments.add(source.substring(i + 2, end));
                code.append(' ');
                i = end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated comment at " + i);
                }
                comments.add(source.substring(i + 2, end));
                code.append(' ');
                i = end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = endOfLiteral(source, i + 3, "\"\"\"");
                literals.add(source.substring(i + 3, end));
                code.append(' ');
                i = end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                String quote = String.valueOf(source.charAt(i));
                int end = endOfLiteral(source, i + 1, quote);
                literals.add(source.substring(i + 1, end));
                code.append(' ');
                i = end + 1;
            } else {
                code.append(source.charAt(i));
                i++;
            }
        }
        return new JavaSourceText(List.copyOf(comments), List.copyOf(literals), code.toString());
    }

    private static int endOfLiteral(String source, int from, String quote) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i;
            } else if (quote.length() == 1 && source.charAt(i) == '\n') {
                throw new IllegalArgumentException("line break inside a literal at " + i);
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated literal at " + from);
    }

    /**
     * The Unicode escapes javac would translate ({@code \}{@code uXXXX} whose backslash is preceded by an even number
     * of backslashes), each as the character it stands for, found anywhere in the source.
     */
    public static List<Character> unicodeEscapes(String source) {
        List<Character> escapes = new ArrayList<>();
        int backslashes = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < source.length() && source.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= source.length()) {
                    escapes.add((char) Integer.parseInt(source.substring(j, j + 4), 16));
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return escapes;
    }
}
