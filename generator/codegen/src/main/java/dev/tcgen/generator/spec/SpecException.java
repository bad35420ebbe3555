package dev.tcgen.generator.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be generated from, with every problem found in it. */
public final class SpecException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public SpecException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return problems.stream()
                .sorted(Problem.BY_POSITION)
                .map(Problem::toString)
                .collect(Collectors.joining("\n", "the spec has " + count + ":\n", ""));
    }
}
