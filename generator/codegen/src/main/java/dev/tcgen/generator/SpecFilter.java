package dev.tcgen.generator;

import dev.tcgen.generator.spec.ActionSpec;
import dev.tcgen.generator.spec.MemberSpec;
import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.spec.StructureSpec;
import dev.tcgen.generator.spec.Suggestions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps the services and actions a build asks for, and the structures those actions reach.
 *
 * <p>A pattern is {@code service} (every action of it) or {@code service:Action}; {@code *} matches any run of
 * characters, e.g. {@code trtc:*CdnStream}. No patterns keep everything.
 */
final class SpecFilter {

    private final List<String> patterns;
    private final List<Pattern> services;
    private final List<Pattern> actions;

    SpecFilter(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.services = patterns.stream().map(p -> glob(p.contains(":") ? p.substring(0, p.indexOf(':')) : p)).toList();
        this.actions = patterns.stream().map(p -> glob(p.contains(":") ? p : p + ":*")).toList();
    }

    /** The spec with only the wanted actions and the structures they use; empty if none of it is wanted. */
    Optional<ServiceSpec> apply(ServiceSpec spec) {
        if (actions.isEmpty()) {
            return Optional.of(spec);
        }
        if (services.stream().noneMatch(p -> p.matcher(spec.service()).matches())) {
            return Optional.empty();
        }
        List<ActionSpec> kept = spec.actions().stream()
                .filter(action -> actions.stream().anyMatch(p -> p.matcher(spec.service() + ":" + action.name()).matches()))
                .toList();
        Set<String> reachable = reachableStructures(spec, kept);
        List<StructureSpec> structures = spec.structures().stream()
                .filter(structure -> reachable.contains(structure.name()))
                .toList();
        return Optional.of(new ServiceSpec(spec.file(), spec.service(), spec.version(), spec.title(), spec.endpoints(),
                spec.regions(), kept, structures, spec.errorCodes()));
    }

    /**
     * Fails on a pattern that keeps no action of any spec (a typo such as {@code demo:Pong}), which would otherwise
     * generate a client without actions and delete the classes generated before.
     *
     * @throws IllegalArgumentException naming each such pattern, with the closest service or action
     */
    void checkEveryPatternMatches(List<ServiceSpec> specs) {
        List<String> known = specs.stream().flatMap(spec -> Stream.concat(Stream.of(spec.service()),
                spec.actions().stream().map(action -> spec.service() + ":" + action.name()))).toList();
        List<String> unmatched = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            Pattern pattern = actions.get(i);
            if (known.stream().noneMatch(name -> name.contains(":") && pattern.matcher(name).matches())) {
                unmatched.add("includes entry \"" + patterns.get(i) + "\" matches no action of the specs"
                        + Suggestions.didYouMean(patterns.get(i), known));
            }
        }
        if (!unmatched.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", unmatched));
        }
    }

    private static Set<String> reachableStructures(ServiceSpec spec, List<ActionSpec> actions) {
        Map<String, StructureSpec> byName = spec.structures().stream()
                .collect(Collectors.toMap(StructureSpec::name, Function.identity(), (a, b) -> a));
        Set<String> reached = new HashSet<>();
        Deque<MemberSpec> pending = new ArrayDeque<>();
        actions.forEach(action -> Stream.of(action.input(), action.output()).forEach(pending::addAll));
        while (!pending.isEmpty()) {
            MemberSpec member = pending.pop();
            String typeName = member.items().orElse(member.type());
            StructureSpec structure = byName.get(typeName);
            if (structure != null && reached.add(typeName)) {
                pending.addAll(structure.members());
            }
        }
        return reached;
    }

    private static Pattern glob(String glob) {
        return Pattern.compile(Stream.of(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }
}
