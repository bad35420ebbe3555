package dev.tcgen.generator.emit;

/**
 * Turns documentation text from a spec into text that is safe inside a Javadoc comment.
 *
 * <p>Spec text is data, never markup: it may contain {@code *}{@code /} (which would end the comment), a backslash-u
 * sequence (which javac translates before it even sees the comment), {@code @} (a block tag), HTML, Markdown,
 * JavaPoet's {@code $} placeholders, control characters and lone surrogates (which UTF-8 cannot encode). After
 * {@link #escape(String)} the text renders as written and cannot leave its comment. Always hand the result to
 * JavaPoet as a {@code $L} argument, never as a format string.
 */
public final class JavadocText {

    private JavadocText() {}

    /**
     * Escapes plain text for Javadoc. Line breaks are kept; blank lines become paragraph breaks.
     *
     * @param text plain text, possibly empty or null
     * @return the escaped text, empty for null
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder out = new StringBuilder(normalized.length() + 16);
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("&#64;");
                case '\\' -> out.append("&#92;");
                case '/' -> out.append(out.length() > 0 && out.charAt(out.length() - 1) == '*' ? "&#47;" : "/");
                case '\t' -> out.append(' ');
                case '\n' -> out.append('\n');
                default -> {
                    if (!Character.isISOControl(c) && Character.getType(c) != Character.LINE_SEPARATOR
                            && Character.getType(c) != Character.PARAGRAPH_SEPARATOR
                            && !StringLiteral.isLoneSurrogate(normalized, i)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString().replaceAll("\n[ ]*\n[\n ]*", "\n<p>\n");
    }

    /** The first sentence (or line) of the escaped text, for a one-line summary such as a {@code @return} tag. */
    public static String summary(String text) {
        String escaped = escape(text);
        int end = escaped.indexOf('\n');
        String firstLine = end < 0 ? escaped : escaped.substring(0, end);
        int period = firstLine.indexOf(". ");
        return period < 0 ? firstLine : firstLine.substring(0, period + 1);
    }
}
