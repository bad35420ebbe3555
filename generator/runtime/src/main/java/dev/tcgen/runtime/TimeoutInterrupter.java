package dev.tcgen.runtime;

/**
 * Ends what the thread of a blocking call waits for when one of its timeouts passes, by
 * interrupting it: {@code HttpClient.send} (which then aborts its exchange), a
 * {@link Scheduler#sleep}, a wait for a rate-limit permit or for credentials. The timeouts are the
 * call's deadline and the request timeout of the attempt in flight, both timers of the
 * {@link Scheduler}, so a virtual clock drives them as it drives everything else.
 *
 * <p>The thread tells these interrupts from its caller's: this interrupts only a thread that is not
 * interrupted already, and remembers that it did. A wait that ends with an
 * {@code InterruptedException} asks {@link #takeInterrupt()} whose it was; {@link #endAttempt()} and
 * {@link #close()} clear an interrupt of this one's that no wait has seen, so the caller's thread
 * leaves the call with the interrupt flag it had. (An interrupt of the caller's that arrives while
 * one of this one's is pending is taken for it: the thread has only one flag.)
 *
 * <p>The timers call {@link #deadlinePassed()} and {@link #attemptTimedOut(int)} from their
 * threads, and a cancel {@link #cancelled()} from its own; every other method is for the call's
 * thread.
 */
final class TimeoutInterrupter {
    private final Thread thread;

    private boolean closed;

    private boolean deadlinePassed;

    /** The attempt in flight, or 0. */
    private int attempt;

    private boolean attemptTimedOut;

    /** This interrupted the thread, and no wait has taken the interrupt yet. */
    private boolean interruptPending;

    /**
     * @param thread the call's thread
     */
    TimeoutInterrupter(Thread thread) {
        this.thread = thread;
    }

    /** The call's deadline passed: whatever the thread waits for ends. */
    synchronized void deadlinePassed() {
        if (!closed) {
            deadlinePassed = true;
            interrupt();
        }
    }

    /** The call was cancelled from another thread: whatever the thread waits for ends. */
    synchronized void cancelled() {
        if (!closed) {
            interrupt();
        }
    }

    /** Whether the call's deadline has passed. */
    synchronized boolean isDeadlinePassed() {
        return deadlinePassed;
    }

    /** Attempt {@code number} is in flight: its timer's {@link #attemptTimedOut} ends it. */
    synchronized void startAttempt(int number) {
        attempt = number;
        attemptTimedOut = false;
    }

    /** The request timeout of attempt {@code number} passed: it ends, if it is still in flight. */
    synchronized void attemptTimedOut(int number) {
        if (!closed && attempt == number) {
            attemptTimedOut = true;
            interrupt();
        }
    }

    /**
     * The attempt in flight has ended.
     *
     * @return whether its request timeout passed first
     */
    synchronized boolean endAttempt() {
        attempt = 0;
        clearPendingInterrupt();
        return attemptTimedOut;
    }

    /**
     * A wait of the thread ended with an {@code InterruptedException}: whether the interrupt was
     * this one's (a timeout), not the caller's.
     */
    synchronized boolean takeInterrupt() {
        boolean mine = interruptPending;
        interruptPending = false;
        return mine;
    }

    /** The call has ended: no more interrupts, and none of this one's left on the thread. */
    synchronized void close() {
        closed = true;
        clearPendingInterrupt();
    }

    private void interrupt() {
        if (!interruptPending && !thread.isInterrupted()) {
            interruptPending = true;
            thread.interrupt();
        }
    }

    private void clearPendingInterrupt() {
        if (interruptPending) {
            interruptPending = false;
            Thread.interrupted();
        }
    }
}
