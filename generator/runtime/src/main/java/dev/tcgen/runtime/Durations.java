package dev.tcgen.runtime;

import java.time.Duration;

/** The one check of the builders' durations. */
final class Durations {

    private Durations() {}

    /**
     * {@code value} if it is a positive duration.
     *
     * @throws IllegalArgumentException naming the setting, if it is {@code null}, zero or negative
     */
    static Duration requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
        return value;
    }
}
