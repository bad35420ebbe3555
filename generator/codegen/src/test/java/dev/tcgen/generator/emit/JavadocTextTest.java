package dev.tcgen.generator.emit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec text is data: after {@link JavadocText#escape} it renders as written, after {@link JavadocText#html} a safe
 * subset of its HTML renders as HTML, and neither can leave its comment.
 */
class JavadocTextTest {

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("comment end", "a */ b", "a *&#47; b"),
                Arguments.of("comment ends back to back", "*/*/", "*&#47;*&#47;"),
                Arguments.of("stars before the slash", "**/", "**&#47;"),
                Arguments.of("comment end split by a control character", "*\u0007/", "*&#47;"),
                Arguments.of("comment end split by a line separator", "*\u2028/", "*&#47;"),
                Arguments.of("comment end split by a paragraph separator", "*\u2029/", "*&#47;"),
                Arguments.of("comment start", "/* x", "/* x"),
                Arguments.of("slash alone", "a/b", "a/b"),
                Arguments.of("inline tag", "{@code x}", "{&#64;code x}"),
                Arguments.of("block tag", "@param x the x", "&#64;param x the x"),
                Arguments.of("block tag on a later line", "text\n@deprecated no", "text\n&#64;deprecated no"),
                Arguments.of("JavaPoet placeholders", "$L $$ $S $T $N $", "$L $$ $S $T $N $"),
                Arguments.of("backslash", "C:\\dir\\file", "C:&#92;dir&#92;file"),
                Arguments.of("unicode escape of a line feed", "\\u000a", "&#92;u000a"),
                Arguments.of("unicode escape of a star", "\\u002a/", "&#92;u002a/"),
                Arguments.of("unicode escape with many u", "\\uuuu002a", "&#92;uuuu002a"),
                Arguments.of("script", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
                Arguments.of("paragraph tags", "<p>para</p>", "&lt;p&gt;para&lt;/p&gt;"),
                Arguments.of("line break tags", "a<br>b<br/>c", "a&lt;br&gt;b&lt;br/&gt;c"),
                Arguments.of("entity", "a &amp; b & c", "a &amp;amp; b &amp; c"),
                Arguments.of("Markdown link", "[docs](https://cloud.tencent.com/document/api)",
                        "[docs](https://cloud.tencent.com/document/api)"),
                Arguments.of("Markdown emphasis", "**bold** _it_ `code`", "**bold** _it_ `code`"),
                Arguments.of("CJK text", "中文描述：获取所有信息。", "中文描述：获取所有信息。"),
                Arguments.of("the example value none", "无", "无"),
                Arguments.of("emoji", "emoji 😀🚀", "emoji 😀🚀"),
                Arguments.of("bell", "bell\u0007here", "bellhere"),
                Arguments.of("nul, escape and delete", "a\u0000b\u001bc\u007fd", "abcd"),
                Arguments.of("next line C1 control", "a\u0085b", "ab"),
                Arguments.of("tab", "tab\there", "tab here"),
                Arguments.of("surrounding white space", "  padded \n ", "padded"),
                Arguments.of("Windows line ends", "one\r\ntwo\rthree", "one\ntwo\nthree"),
                Arguments.of("blank line", "one\n\ntwo", "one\n<p>\ntwo"),
                Arguments.of("blank lines with spaces", "one\n  \n\n two", "one\n<p>\ntwo"),
                Arguments.of("empty", "", ""),
                Arguments.of("null", null, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void escape(String what, String text, String expected) {
        assertEquals(expected, JavadocText.escape(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void escapedTextCannotEndTheCommentOrHoldAUnicodeEscape(String what, String text, String expected) {
        String escaped = JavadocText.escape(text);
        assertFalse(escaped.contains("*/"), escaped);
        assertFalse(escaped.contains("\\"), escaped);
        assertFalse(escaped.contains("@"), escaped);
        assertFalse(escaped.replace("\n<p>\n", "\n").contains("<"), escaped);
    }

    static Stream<Arguments> htmls() {
        return Stream.of(
                Arguments.of("items without their list", "Values:\n<li>YES: on;</li>\n<li>NO: off.</li>",
                        "Values:\n<ul><li>YES: on;</li>\n<li>NO: off.</li></ul>"),
                Arguments.of("items opened by line breaks", "Valid values:<br><li>TRUE: on<br><li>FALSE: off.",
                        "Valid values:<br><ul><li>TRUE: on<br></li><li>FALSE: off.</li></ul>"),
                Arguments.of("a list", "<ol><li>one</li><li>two</li></ol>", "<ol><li>one</li><li>two</li></ol>"),
                Arguments.of("paragraphs", "<p>One.</p><p>Two.</p>", "<p>One.</p><p>Two.</p>"),
                Arguments.of("upper case and self-closing", "<P>a<BR/>b<br>c</P>", "<p>a<br>b<br>c</p>"),
                Arguments.of("inline elements", "<b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <code>c</code>",
                        "<b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <code>c</code>"),
                Arguments.of("pre", "<pre>{\n  \"a\": 1 <br>}</pre>", "<pre>{\n  \"a\": 1 <br>}</pre>"),
                Arguments.of("link", "<a href=\"https://cloud.tencent.com/a?b=1&c=@d\">docs</a>",
                        "<a href=\"https://cloud.tencent.com/a?b=1&amp;c=%40d\">docs</a>"),
                Arguments.of("link ending a comment", "<a HREF = \"http://x.com/*/\" >y</A>",
                        "<a href=\"http://x.com/%2A/\">y</a>"),
                Arguments.of("link with a backslash", "<a href=\"https://x.com/\\u002a/\">y</a>",
                        "&lt;a href=\"https://x.com/&#92;u002a/\"&gt;y"),
                Arguments.of("link that is no URI", "<a href=\"https://x.com/a#b#c\">y</a>",
                        "&lt;a href=\"https://x.com/a#b#c\"&gt;y"),
                Arguments.of("link with a bad escape", "<a href=\"https://x.com/%zz\">y</a>",
                        "&lt;a href=\"https://x.com/%zz\"&gt;y"),
                Arguments.of("link with parts", "<a href=\"https://u@x.com:8080/a(b)/c;d?e=f&g=%E4%B8%AD#h?i\">y</a>",
                        "<a href=\"https://u%40x.com:8080/a(b)/c;d?e=f&amp;g=%E4%B8%AD#h?i\">y</a>"),
                Arguments.of("javascript link", "<a href=\"javascript:alert(1)\">x</a>",
                        "&lt;a href=\"javascript:alert(1)\"&gt;x"),
                Arguments.of("link with another attribute", "<a href=\"https://x.com\" onclick=\"y()\">z</a>",
                        "&lt;a href=\"https://x.com\" onclick=\"y()\"&gt;z"),
                Arguments.of("anchor without a link", "<a>x</a>", "&lt;a&gt;x"),
                Arguments.of("nested bold", "<b>x<b>y</b>z</b>", "<b>x<b>y</b>z</b>"),
                Arguments.of("image", "<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
                Arguments.of("script", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
                Arguments.of("list with an attribute", "<ol start=\"2\"><li>x</li></ol>",
                        "&lt;ol start=\"2\"&gt;<ul><li>x</li></ul>"),
                Arguments.of("left open", "<ul><li>one <b>bold", "<ul><li>one <b>bold</b></li></ul>"),
                Arguments.of("stray closing tags", "</ul>text</li></b></a>", "text"),
                Arguments.of("crossed", "<b><i>x</b></i>", "<b><i>x</i></b>"),
                Arguments.of("list in bold", "<b>x<ul><li>y</li></ul></b>", "<b>x</b><ul><li>y</li></ul>"),
                Arguments.of("paragraph in code", "<code>x<p>y</code>", "<code>x</code><p>y"),
                Arguments.of("paragraph in pre", "<pre>x<p>y</pre>", "<pre>x</pre><p>y"),
                Arguments.of("text in a list", "<ul>text<li>y</li></ul>", "<ul><li>text</li><li>y</li></ul>"),
                Arguments.of("list in a list", "<ul><li>a<ul><li>b</li></ul></li></ul>",
                        "<ul><li>a<ul><li>b</li></ul></li></ul>"),
                Arguments.of("empty elements", "<p></p><b> </b>x<ul></ul>", "x"),
                Arguments.of("paragraph before a list", "Intro<p><ul><li>a</li></ul>", "Intro<ul><li>a</li></ul>"),
                Arguments.of("blank line before a list", "a\n\n<li>x</li>", "a\n<ul><li>x</li></ul>"),
                Arguments.of("blank line in a list", "<ul><li>a\n\nb</li></ul>", "<ul><li>a\n<p>\nb</li></ul>"),
                Arguments.of("comment end across an empty element", "*<b></b>/", "*&#47;"),
                Arguments.of("entities stay text", "<b>&lt;&amp; &</b>", "<b>&amp;lt;&amp;amp; &amp;</b>"),
                Arguments.of("a link on another tag", "<p href=\"https://x.com\">y</p>",
                        "&lt;p href=\"https://x.com\"&gt;y"),
                Arguments.of("inline tag", "<code>{@code x}</code> @see", "<code>{&#64;code x}</code> &#64;see"),
                Arguments.of("JavaPoet placeholders", "<code>$L</code> $S $$", "<code>$L</code> $S $$"),
                Arguments.of("unicode escape", "<b>\\u002a/</b>", "<b>&#92;u002a/</b>"),
                Arguments.of("blank lines", "one\n\ntwo", "one\n<p>\ntwo"),
                Arguments.of("null", null, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("htmls")
    void html(String what, String text, String expected) {
        assertEquals(expected, JavadocText.html(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"htmls", "escapes"})
    void renderedHtmlCannotEndTheCommentOrHoldAUnicodeEscapeOrAnotherTag(String what, String text, String ignored) {
        String html = JavadocText.html(text);
        assertFalse(html.contains("*/"), html);
        assertFalse(html.contains("\\"), html);
        assertFalse(html.contains("@"), html);
        assertFalse(html.replaceAll("</?(p|br|ul|ol|li|pre|code|b|strong|i|em|a)>|<a href=\"https?://[^\"<>]+\">", "")
                .contains("<"), html);
        Matcher href = Pattern.compile("<a href=\"([^\"]*)\">").matcher(html);
        while (href.find()) {
            assertDoesNotThrow(() -> new URI(href.group(1)), "doclint checks links: " + html);
        }
    }

    static Stream<Arguments> summaries() {
        return Stream.of(
                Arguments.of("first sentence", "Stops a task. Then cleans up.", "Stops a task."),
                Arguments.of("first line", "Stops a task\nThen cleans up.", "Stops a task"),
                Arguments.of("one sentence", "Stops a task.", "Stops a task."),
                Arguments.of("no period", "Stops a task", "Stops a task"),
                Arguments.of("escaped before cut", "Ends */ here. More.", "Ends *&#47; here."),
                Arguments.of("tag escaped", "@return x. More.", "&#64;return x."),
                Arguments.of("HTML", "<b>bold</b>. More.", "<b>bold</b>."),
                Arguments.of("HTML left open by the cut", "<b>bold. More</b>", "<b>bold.</b>"),
                Arguments.of("HTML paragraphs", "<p>First.</p><p>Second.</p>", "First."),
                Arguments.of("HTML list", "Values:<br><li>A</li>", "Values:"),
                Arguments.of("other tags escaped", "<script>x</script>. More.", "&lt;script&gt;x&lt;/script&gt;."),
                Arguments.of("placeholders kept", "Costs $L. More.", "Costs $L."),
                Arguments.of("unicode escape", "\\u000a. More.", "&#92;u000a."),
                Arguments.of("CJK", "获取所有信息。更多。", "获取所有信息。更多。"),
                Arguments.of("control character", "a\u0007b. c", "ab."),
                Arguments.of("paragraphs", "First\n\nSecond", "First"),
                Arguments.of("none", "无", "无"),
                Arguments.of("empty", "", ""),
                Arguments.of("null", null, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("summaries")
    void summary(String what, String text, String expected) {
        assertEquals(expected, JavadocText.summary(text));
    }
}
