package dev.tcgen.runtime;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The difference between this machine's clock and Tencent Cloud's, learnt from an answer
 * {@code AuthFailure.SignatureExpire}: the API refuses a signature dated more than five minutes
 * away from its own time, and its answer carries that time in the HTTP {@code Date} header.
 *
 * <p>One per transport: once learnt, the offset dates every later signature of the client, so a
 * machine whose clock is wrong pays one refused request, not one per call. Thread-safe.
 */
final class ClockSkew {
    /**
     * The API's answer to a signature dated too far from its clock.
     */
    static final String SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";

    private final Scheduler scheduler;

    private final System.Logger logger;

    /**
     * The server's time minus ours.
     */
    private volatile Duration offset = Duration.ZERO;

    ClockSkew(Scheduler scheduler, System.Logger logger) {
        this.scheduler = scheduler;
        this.logger = logger;
    }

    /**
     * The time to date a signature with: the scheduler's clock, corrected by the offset.
     */
    Instant now() {
        return scheduler.now().plus(offset);
    }

    /**
     * The server's time minus ours, zero until an answer told otherwise.
     */
    Duration offset() {
        return offset;
    }

    /**
     * Learns the server's time from the {@code Date} header of an answer that failed with
     * {@code failureCode}.
     *
     * @return whether the answer was {@code AuthFailure.SignatureExpire} with a readable
     *     {@code Date}, so that the offset is now the server's: a request signed again is dated
     *     with the server's time
     */
    boolean learnFrom(String failureCode, HttpHeaders headers) {
        if (!SIGNATURE_EXPIRE.equals(failureCode)) {
            return false;
        }
        Optional<Instant> serverTime = serverTime(headers);
        if (serverTime.isEmpty()) {
            return false;
        }
        Duration learnt = Duration.between(scheduler.now(), serverTime.get());
        Duration previous = offset;
        offset = learnt;
        if (!learnt.equals(previous)) {
            logger.log(System.Logger.Level.WARNING, () -> "This machine's clock is " + describe(learnt)
                    + " Tencent Cloud's (the Date of an " + SIGNATURE_EXPIRE
                    + " answer); signing with Tencent Cloud's time from now on");
        }
        return true;
    }

    /**
     * The {@code Date} header (RFC 1123, e.g. {@code Wed, 01 May 2024 00:10:00 GMT}), if there is
     * a readable one.
     */
    static Optional<Instant> serverTime(HttpHeaders headers) {
        return headers.firstValue("Date").flatMap(date -> {
            try {
                return Optional.of(ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * E.g. {@code 7 min 12 s behind}, for an offset of server minus local time.
     */
    static String describe(Duration offset) {
        Duration size = offset.abs();
        String amount;
        if (size.toHours() > 0) {
            amount = size.toHours() + " h " + size.toMinutesPart() + " min";
        } else if (size.toMinutes() > 0) {
            amount = size.toMinutes() + " min " + size.toSecondsPart() + " s";
        } else {
            amount = size.toSeconds() + " s";
        }
        return amount + (offset.isNegative() ? " ahead of" : " behind");
    }
}
