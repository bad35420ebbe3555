package dev.tcgen.generator.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", LineDiff.unified("a", "x\ny\n", "b", "x\ny\n"));
    }

    @Test
    void aChangedLineShowsWithItsNumberAndThreeLinesOfContextEachSide() {
        String before = numbered(1, 10);
        String after = before.replace("line 6\n", "LINE 6\n");

        assertEquals("""
                --- golden
                +++ generated
                @@ -3,7 +3,7 @@
                 line 3
                 line 4
                 line 5
                -line 6
                +LINE 6
                 line 7
                 line 8
                 line 9
                """, LineDiff.unified("golden", before, "generated", after));
    }

    @Test
    void insertedLinesAtTheEndShowOnlyOnTheAddedSide() {
        assertEquals("""
                --- a
                +++ b
                @@ -1,2 +1,3 @@
                 x
                +y
                 \n""", LineDiff.unified("a", "x\n", "b", "x\ny\n"));
    }

    @Test
    void aMissingFinalNewlineIsADifference() {
        String diff = LineDiff.unified("a", "x\n", "b", "x");

        assertTrue(diff.contains("@@ -1,2 +1,1 @@\n x\n-\n"), diff);
    }

    @Test
    void manyChangedLinesAreCutShort() {
        String diff = LineDiff.unified("a", numbered(1, 100), "b", "");

        assertTrue(diff.endsWith("-line " + LineDiff.MAX_CHANGED + "\n- ... " + (100 - LineDiff.MAX_CHANGED)
                + " more line(s)\n"), diff);
    }

    /** {@code line from\n} to {@code line to\n}. */
    private static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }
}
