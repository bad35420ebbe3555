package dev.tcgen.generator.compat;

import dev.tcgen.generator.spec.ActionSpec;
import dev.tcgen.generator.spec.ErrorCodeSpec;
import dev.tcgen.generator.spec.MemberSpec;
import dev.tcgen.generator.spec.RegionSpec;
import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.spec.StructureSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Compares two versions of a service's spec and classifies every change for callers of the generated client.
 *
 * <p>Breaking: an action, structure, member, region or error code removed (a renamed member shows as removed and
 * added); a member's type changed; an input member added as required or made required; an action's supported
 * regions narrowed. Compatible: anything added that nobody has to use (actions, optional input members, output
 * members, regions, error codes), descriptions, examples, rate limits and deprecation.
 *
 * <p>Structures may be sent as well as received, so a member added to a structure as required is breaking too.
 */
public final class CompatibilityChecker {

    private final List<Change> changes = new ArrayList<>();

    private CompatibilityChecker() {}

    /** The report of every change from {@code baseline} to {@code current}. */
    public static CompatibilityReport compare(ServiceSpec baseline, ServiceSpec current) {
        CompatibilityChecker checker = new CompatibilityChecker();
        checker.compareService(baseline, current);
        return new CompatibilityReport(baseline.file(), current.file(), checker.changes);
    }

    private void compareService(ServiceSpec baseline, ServiceSpec current) {
        String service = current.service();
        if (!baseline.service().equals(current.service())) {
            changes.add(Change.breaking(service, "service name changed from " + baseline.service()));
        }
        if (!baseline.version().equals(current.version())) {
            changes.add(Change.breaking(service, "API version changed from " + baseline.version() + " to "
                    + current.version() + " (a new Java package)"));
        }
        compareByName(baseline.regions(), current.regions(), RegionSpec::id,
                (removed, subject) -> changes.add(Change.breaking(service + " region " + subject, "removed")),
                (added, subject) -> changes.add(Change.compatible(service + " region " + subject, "added")),
                (pair, subject) -> { });
        compareByName(baseline.errorCodes(), current.errorCodes(), ErrorCodeSpec::code,
                (removed, subject) -> changes.add(Change.breaking("error code " + subject,
                        "removed (its enum constant disappears)")),
                (added, subject) -> changes.add(Change.compatible("error code " + subject, "added")),
                (pair, subject) -> { });
        compareByName(baseline.structures(), current.structures(), StructureSpec::name,
                (removed, subject) -> changes.add(Change.breaking("structure " + subject, "removed")),
                (added, subject) -> changes.add(Change.compatible("structure " + subject, "added")),
                (pair, subject) -> compareStructure(pair.old(), pair.current()));
        compareByName(baseline.actions(), current.actions(), ActionSpec::name,
                (removed, subject) -> changes.add(Change.breaking(subject, "action removed")),
                (added, subject) -> changes.add(Change.compatible(subject, "action added")),
                (pair, subject) -> compareAction(pair.old(), pair.current(), baseline, current));
    }

    private void compareStructure(StructureSpec old, StructureSpec current) {
        String subject = "structure " + current.name();
        describeChange(subject, old.description(), current.description());
        compareMembers(subject, old.members(), current.members(), Direction.BOTH);
    }

    private void compareAction(ActionSpec old, ActionSpec current, ServiceSpec oldService, ServiceSpec newService) {
        String subject = current.name();
        describeChange(subject, old.description(), current.description());
        compareMembers(subject + " input", old.input(), current.input(), Direction.INPUT);
        compareMembers(subject + " output", old.output(), current.output(), Direction.OUTPUT);
        Set<String> oldRegions = supportedRegions(old, oldService);
        Set<String> newRegions = supportedRegions(current, newService);
        for (String region : difference(oldRegions, newRegions)) {
            changes.add(Change.breaking(subject, "region " + region + " no longer supported"));
        }
        for (String region : difference(newRegions, oldRegions)) {
            changes.add(Change.compatible(subject, "region " + region + " now supported"));
        }
        if (!old.rateLimit().equals(current.rateLimit())) {
            changes.add(Change.compatible(subject, "rate limit changed from " + limit(old) + " to " + limit(current)));
        }
        if (!old.idempotent().equals(current.idempotent())) {
            changes.add(Change.compatible(subject, "idempotent changed from " + idempotent(old) + " to "
                    + idempotent(current)));
        }
        if (!old.deprecated() && current.deprecated()) {
            changes.add(Change.compatible(subject, "deprecated"));
        }
        if (!old.examples().equals(current.examples())) {
            changes.add(Change.compatible(subject, "examples changed"));
        }
    }

    /** Which way a member travels, which decides what an added or loosened member means for callers. */
    private enum Direction {
        INPUT,
        OUTPUT,
        BOTH
    }

    private void compareMembers(String owner, List<MemberSpec> old, List<MemberSpec> current, Direction direction) {
        compareByName(old, current, MemberSpec::name,
                (removed, subject) -> changes.add(Change.breaking(owner + " " + subject, "member removed")),
                (added, subject) -> changes.add(added.required() && direction != Direction.OUTPUT
                        ? Change.breaking(owner + " " + subject, "member added as required")
                        : Change.compatible(owner + " " + subject, "member added")),
                (pair, subject) -> compareMember(owner + " " + subject, pair.old(), pair.current(), direction));
    }

    private void compareMember(String subject, MemberSpec old, MemberSpec current, Direction direction) {
        String oldType = typeOf(old);
        String newType = typeOf(current);
        if (!oldType.equals(newType)) {
            changes.add(Change.breaking(subject, "type changed from " + oldType + " to " + newType));
        }
        if (!old.required() && current.required() && direction != Direction.OUTPUT) {
            changes.add(Change.breaking(subject, "now required"));
        } else if (old.required() != current.required()) {
            changes.add(Change.compatible(subject, current.required() ? "now required" : "now optional"));
        }
        describeChange(subject, old.description(), current.description());
        if (!old.deprecated() && current.deprecated()) {
            changes.add(Change.compatible(subject, "deprecated"));
        }
    }

    private void describeChange(String subject, String old, String current) {
        if (!Objects.equals(old, current)) {
            changes.add(Change.compatible(subject, "description changed"));
        }
    }

    private static String typeOf(MemberSpec member) {
        return member.items().map(items -> "list of " + items).orElse(member.type());
    }

    private static Set<String> supportedRegions(ActionSpec action, ServiceSpec service) {
        return new TreeSet<>(action.regions().orElseGet(() -> service.regions().stream().map(RegionSpec::id).toList()));
    }

    private static String limit(ActionSpec action) {
        return action.rateLimit().isPresent() ? action.rateLimit().getAsInt() + "/s" : "none";
    }

    private static String idempotent(ActionSpec action) {
        return action.idempotent().map(String::valueOf).orElse("unset");
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    /** An element present in both versions. */
    private record Pair<T>(T old, T current) {}

    /** Matches two lists by name and reports what was removed, added, or is in both. */
    private static <T> void compareByName(List<T> old, List<T> current, Function<T, String> name,
            BiConsumer<T, String> removed, BiConsumer<T, String> added, BiConsumer<Pair<T>, String> both) {
        Map<String, T> oldByName = byName(old, name);
        Map<String, T> currentByName = byName(current, name);
        oldByName.forEach((key, value) -> {
            T now = currentByName.get(key);
            if (now == null) {
                removed.accept(value, key);
            } else {
                both.accept(new Pair<>(value, now), key);
            }
        });
        currentByName.forEach((key, value) -> {
            if (!oldByName.containsKey(key)) {
                added.accept(value, key);
            }
        });
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.putIfAbsent(name.apply(item), item));
        return map;
    }
}
