package dev.tcgen.generator.emit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns documentation text from a spec into text that is safe inside a Javadoc comment.
 *
 * <p>Spec text is data: it may contain {@code *}{@code /} (which would end the comment), a backslash-u sequence
 * (which javac translates before it even sees the comment), {@code @} (a block tag), HTML, Markdown, JavaPoet's
 * {@code $} placeholders, control characters and lone surrogates (which UTF-8 cannot encode). After
 * {@link #escape(String)} the text renders as written; after {@link #html(String)} a safe subset of its HTML renders
 * as HTML. Neither can leave its comment. Always hand the result to JavaPoet as a {@code $L} argument, never as a
 * format string.
 */
public final class JavadocText {

    private static final String PARAGRAPH = "(?<paragraph>\n[ \t]*\n[\n \t]*)";
    private static final String URI_CHAR = "(?:[\\w.~!*'();:@&=+$,/?-]|%\\p{XDigit}{2})";
    private static final Pattern PLAIN = Pattern.compile(PARAGRAPH);
    private static final Pattern HTML = Pattern.compile(PARAGRAPH + "|<(?<close>/?)(?<name>p|br|ul|ol|li|pre|code|b"
            + "|strong|i|em|a)(?:\\s+href\\s*=\\s*\"(?<href>https?://\\w" + URI_CHAR + "*(?:#" + URI_CHAR + "*)?)\")?"
            + "\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_TAG = Pattern.compile("</?(p|br|ul|ol|li|pre)\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Set<String> BLOCKS = Set.of("p", "pre", "ul", "ol", "li");
    private static final Set<String> LISTS = Set.of("ul", "ol");

    private final StringBuilder out = new StringBuilder();
    /** The open elements, innermost first, down to "" for the comment itself; and where each starts in out. */
    private final Deque<String> names = new ArrayDeque<>(List.of(""));
    private final Deque<Integer> starts = new ArrayDeque<>();

    private JavadocText() {}

    /**
     * Escapes plain text for Javadoc. Line breaks are kept; blank lines become paragraph breaks.
     *
     * @param text plain text, possibly empty or null
     * @return the escaped text, empty for null
     */
    public static String escape(String text) {
        return render(text, PLAIN);
    }

    /**
     * Renders documentation that may hold HTML, as Tencent's does: paragraphs, line breaks, lists, code, bold,
     * italics and {@code http(s)} links become Javadoc HTML, nested as doclint wants it however the source nests
     * them; everything else (other tags, attributes, a stray {@code <}) is text as by {@link #escape(String)}.
     *
     * @param text documentation, possibly empty or null
     * @return the Javadoc, empty for null
     */
    public static String html(String text) {
        return render(text, HTML);
    }

    /** The first sentence (or line, paragraph or list item) of documentation as by {@link #html}, for a summary. */
    public static String summary(String text) {
        String flat = text == null ? "" : BLOCK_TAG.matcher(text.replace('\r', '\n')).replaceAll("\n").strip();
        String line = flat.split("\n", 2)[0];
        int period = line.indexOf(". ");
        return html(period < 0 ? line : line.substring(0, period + 1));
    }

    private static String render(String text, Pattern markup) {
        if (text == null) {
            return "";
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        JavadocText doc = new JavadocText();
        Matcher match = markup.matcher(normalized);
        int done = 0;
        while (match.find()) {
            doc.text(escapeText(normalized.substring(done, match.start())));
            doc.markup(match);
            done = match.end();
        }
        doc.text(escapeText(normalized.substring(done)));
        while (doc.names.size() > 1) {
            doc.pop("");
        }
        return doc.out.toString().strip().replace("*/", "*&#47;");
    }

    /** A blank line or a tag; a tag with a link where none belongs, or none where one does, is text. */
    private void markup(Matcher match) {
        if (match.group("paragraph") != null) {
            open("p", "\n<p>\n");
            return;
        }
        String name = match.group("name").toLowerCase(Locale.ROOT);
        String href = match.group("href");
        if (!match.group("close").isEmpty()) {
            close(name);
        } else if (name.equals("br") && href == null) {
            text("<br>");
        } else if (name.equals("a") != (href != null)) {
            text(escapeText(match.group()));
        } else {
            open(name, href == null ? "<" + name + ">"
                    : "<a href=\"" + href.replace("&", "&amp;").replace("*", "%2A").replace("@", "%40") + "\">");
        }
    }

    private void text(String escaped) {
        if (!escaped.isBlank()) {
            makeRoomFor("");
        }
        out.append(escaped);
    }

    private void open(String name, String tag) {
        makeRoomFor(name);
        names.push(name);
        starts.push(out.length());
        out.append(tag);
    }

    /** Closes what cannot hold the element ("" for text) and opens the list or item it needs. */
    private void makeRoomFor(String name) {
        while (!fits(name, names.peek())) {
            if (LISTS.contains(names.peek())) {
                open("li", "<li>");
            } else if (name.equals("li") && names.size() == 1) {
                open("ul", "<ul>");
            } else {
                pop("");
            }
        }
    }

    /** Whether an element ("" for text) may stand directly in another ("" for the comment itself), for doclint. */
    private static boolean fits(String name, String parent) {
        if (name.equals("li") || LISTS.contains(parent)) {
            return name.equals("li") && LISTS.contains(parent);
        }
        return !BLOCKS.contains(name) || parent.isEmpty() || parent.equals("li");
    }

    /** Closes an element and what is open inside it; nothing if it is not open. */
    private void close(String name) {
        boolean closed = !names.contains(name);
        while (!closed) {
            closed = pop(name);
        }
    }

    /** Closes the innermost element, left out if empty, and says if it is the one named ({@code </p>} only then). */
    private boolean pop(String closing) {
        String name = names.pop();
        int start = starts.pop();
        int end = out.indexOf(">", start) + 1;
        if (out.substring(end).isBlank()) {
            out.delete(start, end);
        } else if (name.equals(closing) || !name.equals("p")) {
            out.append("</").append(name).append('>');
        }
        return name.equals(closing);
    }

    private static String escapeText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("&#64;");
                case '\\' -> out.append("&#92;");
                case '\t' -> out.append(' ');
                case '\n' -> out.append('\n');
                default -> {
                    if (!Character.isISOControl(c) && Character.getType(c) != Character.LINE_SEPARATOR
                            && Character.getType(c) != Character.PARAGRAPH_SEPARATOR
                            && !StringLiteral.isLoneSurrogate(text, i)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
