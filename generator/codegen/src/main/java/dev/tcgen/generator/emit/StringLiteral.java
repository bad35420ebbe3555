package dev.tcgen.generator.emit;

import com.palantir.javapoet.CodeBlock;

/**
 * A Java string literal of text from a spec, safe where JavaPoet's {@code $S} alone is not.
 *
 * <p>JavaPoet escapes quotes, backslashes and control characters, but writes the Unicode line and paragraph
 * separators (U+2028, U+2029) as they are, and then breaks its output into lines at them (its line pattern is
 * {@code \R}): a description holding one became a string literal cut in two, which does not compile. Here they
 * become the escapes {@code \}{@code u2028} and {@code \}{@code u2029}, which javac turns back into the characters,
 * so the string keeps exactly the spec's text. JavaPoet must not see the characters at all, so such a text's literal
 * is built here, escaping what {@code $S} escapes. A lone surrogate (half of a pair, which JSON's {@code \}{@code uD800}
 * can produce) is escaped too: written raw, the UTF-8 source file would hold {@code ?} instead.
 */
public final class StringLiteral {

    private static final char LINE_SEPARATOR = (char) 0x2028;
    private static final char PARAGRAPH_SEPARATOR = (char) 0x2029;

    private StringLiteral() {}

    /** The literal of {@code text}, for a {@code $L} argument. */
    public static CodeBlock of(String text) {
        if (text.indexOf(LINE_SEPARATOR) < 0 && text.indexOf(PARAGRAPH_SEPARATOR) < 0 && !hasLoneSurrogate(text)) {
            return CodeBlock.of("$S", text);
        }
        StringBuilder literal = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR
                            || isLoneSurrogate(text, i)) {
                        literal.append(String.format("\\u%04x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return CodeBlock.of("$L", literal.append('"'));
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isLoneSurrogate(text, i)) {
                return true;
            }
        }
        return false;
    }

    /** A surrogate that is not half of a pair: UTF-8 cannot encode it, so a source file would hold {@code ?}. */
    static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
