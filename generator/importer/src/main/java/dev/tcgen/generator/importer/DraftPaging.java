package dev.tcgen.generator.importer;

import dev.tcgen.generator.model.PagingRules;
import dev.tcgen.generator.spec.MemberSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The paging of imported actions: the generator's {@link PagingRules}, applied to every action whose paging the
 * overlay does not state, so that the spec says how the client pages (and a human can read and correct it). An
 * action the rules find ambiguous gets no paging, and a warning that says why and how an overlay can state it; one
 * whose output has no list gets neither (no paging could name its items).
 */
public final class DraftPaging {

    private DraftPaging() {}

    /** What the rules make of a draft action (whatever its stated paging). */
    public static PagingRules.Verdict verdict(SpecDraft.Action action) {
        return PagingRules.judge("", members(action.input()), members(action.output()));
    }

    /** The service with each action's paging stated: the overlay's, else what the rules recognise. */
    static SpecDraft.Service fill(SpecDraft.Service service, List<ImportMessage> warnings) {
        List<SpecDraft.Action> actions = new ArrayList<>();
        for (SpecDraft.Action action : service.actions()) {
            if (action.paging().isPresent()) {
                actions.add(action);
                continue;
            }
            PagingRules.Verdict verdict = verdict(action);
            if (verdict.isAmbiguous()) {
                warnings.add(new ImportMessage(action.origin(), action.name() + " takes " + verdict.inputs()
                        + " but gets no paginator, as " + verdict.reason() + "; if it pages, state how in an "
                        + "overlay's \"paging\" (see the README, \"Listing calls: paginators\"), else say \"paging\": "
                        + "false"));
            }
            actions.add(action.toBuilder().paging(verdict.paging()).build());
        }
        return service.withActions(actions);
    }

    /** Draft members as the generator's, for the rules and the checks (without pointers). */
    static List<MemberSpec> members(List<SpecDraft.Member> members) {
        return members.stream().map(m -> new MemberSpec("", m.name(), m.type(), m.items(), m.required(),
                m.description(), m.example(), m.deprecated())).toList();
    }
}
