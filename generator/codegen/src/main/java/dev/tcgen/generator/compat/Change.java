package dev.tcgen.generator.compat;

import java.util.Comparator;

/**
 * One difference between two versions of a spec, and whether code written against the old one may break.
 *
 * @param severity breaking or compatible
 * @param subject what changed, e.g. {@code StopPublishCdnStream} or {@code StopPublishCdnStream input SdkAppId}
 * @param description what happened to it, e.g. {@code added as required}
 */
public record Change(Severity severity, String subject, String description) {

    /** Breaking first, then by subject. */
    public static final Comparator<Change> ORDER = Comparator.comparing(Change::severity)
            .thenComparing(Change::subject)
            .thenComparing(Change::description);

    /** Whether code written against the old spec keeps compiling and working. */
    public enum Severity {
        /** Callers may no longer compile, or requests that worked may now be refused. */
        BREAKING,
        /** Existing callers keep working. */
        COMPATIBLE
    }

    static Change breaking(String subject, String description) {
        return new Change(Severity.BREAKING, subject, description);
    }

    static Change compatible(String subject, String description) {
        return new Change(Severity.COMPATIBLE, subject, description);
    }

    @Override
    public String toString() {
        return subject + ": " + description;
    }
}
