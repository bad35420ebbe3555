package dev.tcgen.generator.cli;

import dev.tcgen.generator.corpus.CorpusRun;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long run, as services go through its phases. On a terminal one status line is redrawn in place
 * (services done of total, files, files per second, time) and left behind when the phase ends; elsewhere (a pipe, a
 * CI log) plain lines are printed: one every {@value #PLAIN_INTERVAL_SECONDS} s while a phase runs, and one when it
 * ends.
 */
final class Progress implements CorpusRun.Listener {

    static final int PLAIN_INTERVAL_SECONDS = 10;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final String prefix;
    private final LongSupplier clock;

    private CorpusRun.Phase phase;
    private int total;
    private int done;
    private long files;
    private long phaseStart;
    private long lastShown;
    private int lastWidth;

    /**
     * @param out where to print
     * @param terminal whether {@code out} is a terminal ({@code System.console() != null})
     * @param prefix what starts every line, e.g. {@code tcgen corpus}
     * @param clock nanoseconds, e.g. {@code System::nanoTime}
     */
    Progress(PrintStream out, boolean terminal, String prefix, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.prefix = prefix;
        this.clock = clock;
    }

    @Override
    public synchronized void phaseStarted(CorpusRun.Phase phase, int services) {
        this.phase = phase;
        this.total = services;
        this.done = 0;
        this.files = 0;
        this.phaseStart = clock.getAsLong();
        this.lastShown = phaseStart;
        if (terminal) {
            draw(status(phaseStart));
        }
    }

    @Override
    public synchronized void serviceDone(CorpusRun.Phase phase, String service, int files) {
        this.done++;
        this.files += files;
        long now = clock.getAsLong();
        if (terminal && now - lastShown >= REDRAW_NANOS) {
            lastShown = now;
            draw(status(now));
        } else if (!terminal && now - lastShown >= PLAIN_INTERVAL_SECONDS * 1_000_000_000L) {
            lastShown = now;
            out.println(prefix + ": " + status(now));
        }
    }

    @Override
    public synchronized void phaseFinished(CorpusRun.Phase phase, Duration elapsed) {
        String line = status(phaseStart + elapsed.toNanos());
        if (terminal) {
            draw(line);
            out.println();
            lastWidth = 0;
        } else {
            out.println(prefix + ": " + line);
        }
        out.flush();
    }

    private void draw(String line) {
        String text = prefix + ": " + line;
        int pad = Math.max(0, lastWidth - text.length());
        out.print("\r" + text + " ".repeat(pad));
        out.flush();
        lastWidth = text.length();
    }

    private String status(long now) {
        double seconds = Math.max(1e-9, (now - phaseStart) / 1e9);
        return String.format(Locale.ROOT, "%-8s %3d/%d services, %,d files, %,.0f files/s, %.1f s",
                phase.label(), done, total, files, files / seconds, seconds);
    }
}
