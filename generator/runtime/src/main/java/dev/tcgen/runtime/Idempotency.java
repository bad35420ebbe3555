package dev.tcgen.runtime;

import java.util.List;

/**
 * Whether an action may be sent again after a failure that may have delivered it: a connection
 * lost before the answer, a request timeout, an HTTP 500, 502 or 504 page. Failures that did
 * not deliver the request (a refused connection) and error answers of the API are retried
 * whatever this says ({@link RetryPolicy}).
 *
 * <p>Generated clients pass each action's idempotency with its calls: by default
 * {@link #byName(String)}, or {@link #CLIENT_TOKEN} for an action whose request has a
 * {@code ClientToken}; the spec can mark an action either way.
 */
public enum Idempotency {
    /**
     * Sending the request twice has the effect of sending it once: read-only actions, and
     * others the spec marks so. Retried after any transient failure.
     */
    IDEMPOTENT,

    /**
     * Made idempotent by its {@value #CLIENT_TOKEN_MEMBER} member: the service carries out a
     * request once per token. When the caller leaves the token empty, the client fills it with a
     * fresh UUID, once per call, so every attempt of the call sends the same token. Retried like
     * {@link #IDEMPOTENT}.
     */
    CLIENT_TOKEN,

    /**
     * Sending it twice could do it twice (create two instances, start two tasks). Once a request
     * may have been delivered, the call is not retried: it fails with
     * {@link TencentCloudException#CLIENT_CONNECTION_LOST} or
     * {@link TencentCloudException#CLIENT_REQUEST_TIMEOUT}, whose message says that the action may
     * have run. {@link RetryPolicy.Builder#retryAllActions(boolean)} retries it anyway.
     */
    NOT_IDEMPOTENT;

    /**
     * The request member of {@link #CLIENT_TOKEN}: {@value}.
     */
    public static final String CLIENT_TOKEN_MEMBER = "ClientToken";

    /**
     * The words that start the names of read-only actions.
     */
    private static final List<String> READ_ONLY_WORDS =
            List.of("Describe", "Get", "List", "Query", "Inquiry", "Check", "Search");

    /**
     * The idempotency of an action by its name: {@link #IDEMPOTENT} when the name starts with the
     * word {@code Describe}, {@code Get}, {@code List}, {@code Query}, {@code Inquiry},
     * {@code Check} or {@code Search} (followed by an upper-case letter, a digit or nothing:
     * {@code DescribeInstances}, not {@code Getaway}), the verbs of Tencent Cloud's read-only
     * actions; otherwise {@link #NOT_IDEMPOTENT}.
     *
     * @param action an action name, e.g. {@code DescribeInstances}
     * @return its idempotency by name
     */
    public static Idempotency byName(String action) {
        for (String word : READ_ONLY_WORDS) {
            if (action.startsWith(word) && (action.length() == word.length()
                    || !Character.isLowerCase(action.charAt(word.length())))) {
                return IDEMPOTENT;
            }
        }
        return NOT_IDEMPOTENT;
    }

    /**
     * Whether the call may be sent again when an attempt may have been delivered.
     *
     * @return {@code true} for {@link #IDEMPOTENT} and {@link #CLIENT_TOKEN}
     */
    public boolean safeToRepeat() {
        return this != NOT_IDEMPOTENT;
    }
}
