package dev.tcgen.generator.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Spec text is data: after {@link JavadocText#escape} it renders as written and cannot leave its comment. */
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

    static Stream<Arguments> summaries() {
        return Stream.of(
                Arguments.of("first sentence", "Stops a task. Then cleans up.", "Stops a task."),
                Arguments.of("first line", "Stops a task\nThen cleans up.", "Stops a task"),
                Arguments.of("one sentence", "Stops a task.", "Stops a task."),
                Arguments.of("no period", "Stops a task", "Stops a task"),
                Arguments.of("escaped before cut", "Ends */ here. More.", "Ends *&#47; here."),
                Arguments.of("tag escaped", "@return x. More.", "&#64;return x."),
                Arguments.of("HTML escaped", "<b>bold</b>. More.", "&lt;b&gt;bold&lt;/b&gt;."),
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
