package dev.tcgen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tcgen.generator.corpus.CorpusRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines, with a clock the test moves. */
class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();

    private Progress progress(boolean terminal) {
        return new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, "tcgen corpus",
                nanos::get);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void seconds(double s) {
        nanos.addAndGet((long) (s * 1e9));
    }

    @Test
    void onATerminalOneLineIsRedrawnAndLeftWhenThePhaseEnds() {
        Progress progress = progress(true);
        progress.phaseStarted(CorpusRun.Phase.GENERATE, 3);
        seconds(0.5);
        progress.serviceDone(CorpusRun.Phase.GENERATE, "a", 100);
        seconds(0.01);
        progress.serviceDone(CorpusRun.Phase.GENERATE, "b", 100);
        seconds(0.49);
        progress.serviceDone(CorpusRun.Phase.GENERATE, "c", 300);
        progress.phaseFinished(CorpusRun.Phase.GENERATE, Duration.ofSeconds(1));

        assertEquals("\rtcgen corpus: generate   0/3 services, 0 files, 0 files/s, 0.0 s"
                + "\rtcgen corpus: generate   1/3 services, 100 files, 200 files/s, 0.5 s"
                + "\rtcgen corpus: generate   3/3 services, 500 files, 500 files/s, 1.0 s"
                + "\rtcgen corpus: generate   3/3 services, 500 files, 500 files/s, 1.0 s\n", text());
    }

    @Test
    void elsewherePlainLinesComeAtIntervalsAndAtTheEnd() {
        Progress progress = progress(false);
        progress.phaseStarted(CorpusRun.Phase.COMPILE, 2);
        seconds(3);
        progress.serviceDone(CorpusRun.Phase.COMPILE, "a", 1000);
        seconds(9);
        progress.serviceDone(CorpusRun.Phase.COMPILE, "b", 2000);
        progress.phaseFinished(CorpusRun.Phase.COMPILE, Duration.ofSeconds(15));

        assertEquals("tcgen corpus: compile    2/2 services, 3,000 files, 250 files/s, 12.0 s\n"
                + "tcgen corpus: compile    2/2 services, 3,000 files, 200 files/s, 15.0 s\n", text());
    }

    @Test
    void aShorterLineErasesTheRestOfTheLongerOne() {
        Progress progress = progress(true);
        progress.phaseStarted(CorpusRun.Phase.GENERATE, 1000);
        seconds(1);
        progress.serviceDone(CorpusRun.Phase.GENERATE, "a", 1_000_000);
        seconds(0.1);
        progress.serviceDone(CorpusRun.Phase.GENERATE, "b", 0);

        String last = text().substring(text().lastIndexOf('\r'));
        assertEquals("\rtcgen corpus: generate   2/1000 services, 1,000,000 files, 909,091 files/s, 1.1 s  ", last);
    }
}
