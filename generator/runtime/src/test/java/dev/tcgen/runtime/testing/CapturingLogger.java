package dev.tcgen.runtime.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A {@link System.Logger} that keeps every record at every level, with the full text of any throwable (message,
 * causes, stack trace), so a test can search everything a client ever logs. Passed to the client's builder: no
 * global logging state is touched.
 */
public final class CapturingLogger implements System.Logger {

    /**
     * One log record.
     *
     * @param level the level
     * @param message the formatted message
     * @param thrown the throwable's full printed text, or empty
     */
    public record Entry(Level level, String message, String thrown) {

        /** The message and the throwable's text together. */
        public String text() {
            return message + "\n" + thrown;
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
        return "capturing";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        add(new Entry(level, String.valueOf(message), printed(thrown)));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        String message = params == null || params.length == 0 ? format : MessageFormat.format(format, params);
        add(new Entry(level, String.valueOf(message), ""));
    }

    /**
     * Waits (10 s at most) until {@code count} records of {@code level} were logged, for what logs on another thread;
     * whether they were.
     */
    public synchronized boolean await(Level level, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (at(level).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private synchronized void add(Entry entry) {
        entries.add(entry);
        notifyAll();
    }

    /** Every record so far. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The records of one level. */
    public List<Entry> at(Level level) {
        return entries.stream().filter(entry -> entry.level() == level).toList();
    }

    /** Everything logged, as one text. */
    public String allText() {
        StringBuilder all = new StringBuilder();
        entries.forEach(entry -> all.append(entry.level()).append(' ').append(entry.text()).append('\n'));
        return all.toString();
    }

    private static String printed(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
