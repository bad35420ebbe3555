package dev.tcgen.generator.compat;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every change between a baseline spec and the current one, classified.
 *
 * @param baseline where the old spec came from
 * @param current where the new spec came from
 * @param changes the changes, breaking first
 */
public record CompatibilityReport(String baseline, String current, List<Change> changes) {

    public CompatibilityReport {
        changes = changes.stream().sorted(Change.ORDER).toList();
    }

    /** The breaking changes. */
    public List<Change> breaking() {
        return changes.stream().filter(c -> c.severity() == Change.Severity.BREAKING).toList();
    }

    /** Whether any change is breaking. */
    public boolean hasBreakingChanges() {
        return !breaking().isEmpty();
    }

    /** The report for people: a summary line, then the breaking and the compatible changes, one a line. */
    public String render() {
        StringBuilder out = new StringBuilder();
        List<Change> breaking = breaking();
        List<Change> compatible = changes.stream().filter(c -> c.severity() == Change.Severity.COMPATIBLE).toList();
        out.append(current).append(" against ").append(baseline).append(": ")
                .append(breaking.size()).append(" breaking, ").append(compatible.size()).append(" compatible change(s)\n");
        section(out, "Breaking", breaking);
        section(out, "Compatible", compatible);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<Change> changes) {
        if (!changes.isEmpty()) {
            out.append(title).append(":\n")
                    .append(changes.stream().map(c -> "  - " + c).collect(Collectors.joining("\n")))
                    .append('\n');
        }
    }
}
