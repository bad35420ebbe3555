package dev.tcgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.generator.spec.ActionSpec;
import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.spec.StructureSpec;
import dev.tcgen.generator.testing.SpecFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's and the CLI's {@code includes}: globs over service and action, pruning of unused structures. */
class SpecFilterTest {

    private final ServiceSpec kitchen = load();

    @TempDir
    Path directory;

    @Test
    void aGlobKeepsTheMatchingActionsAndOnlyTheStructuresTheyReach() {
        ServiceSpec kept = new SpecFilter(List.of("kitchen:*Session")).apply(kitchen).orElseThrow();

        assertEquals(List.of("CreateSession"), kept.actions().stream().map(ActionSpec::name).toList());
        assertEquals(List.of("Secret"), kept.structures().stream().map(StructureSpec::name).toList());
        assertEquals(kitchen.errorCodes(), kept.errorCodes());
        assertEquals(kitchen.regions(), kept.regions());
    }

    @Test
    void structuresReachedThroughOtherStructuresAndCyclesAreKept() {
        ServiceSpec kept = new SpecFilter(List.of("kitchen:DescribeEverything")).apply(kitchen).orElseThrow();

        assertEquals(List.of("Everything", "Node", "Alpha", "Beta", "Keywords", "Region", "Empty"),
                kept.structures().stream().map(StructureSpec::name).toList());
    }

    @Test
    void aServiceKeepsEveryActionAndNoPatternsKeepEverything() {
        assertEquals(kitchen, new SpecFilter(List.of()).apply(kitchen).orElseThrow());
        ServiceSpec whole = new SpecFilter(List.of("kit*")).apply(kitchen).orElseThrow();

        assertEquals(kitchen.actions(), whole.actions());
        assertFalse(whole.structures().stream().anyMatch(s -> s.name().equals("Obsolete")),
                "a structure no action uses is pruned");
    }

    @Test
    void anotherServicesPatternKeepsNothingOfThisOne() {
        assertEquals(Optional.empty(), new SpecFilter(List.of("trtc:*", "cvm")).apply(kitchen));
    }

    @Test
    void aPatternMatchingNoActionFailsWithTheClosestName() {
        SpecFilter filter = new SpecFilter(List.of("kitchen:Ping", "kitchen:Pong", "kitchn"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> filter.checkEveryPatternMatches(List.of(kitchen)));

        assertEquals("includes entry \"kitchen:Pong\" matches no action of the specs; did you mean \"kitchen:Ping\"?; "
                + "includes entry \"kitchn\" matches no action of the specs; did you mean \"kitchen\"?", e.getMessage());
    }

    @Test
    void aTypoInIncludesFailsTheGenerationAndLeavesTheOutputAlone() throws Exception {
        Path spec = SpecFixtures.spec("kitchen-sink.json");
        Path out = directory.resolve("out");
        Generator.generate(GenerationRequest.ofFiles(Generator.Options.of("com.example"), List.of(spec)).writingTo(out));
        Path client = out.resolve("com/example/kitchen/v20240506/KitchenClient.java");
        assertTrue(Files.isRegularFile(client));

        GenerationRequest typo = GenerationRequest.ofFiles(new Generator.Options("com.example", RuntimeMode.EMBEDDED,
                List.of("kitchen:Pong")), List.of(spec)).writingTo(out);

        assertThrows(IllegalArgumentException.class, () -> Generator.generate(typo));
        assertTrue(Files.isRegularFile(client), "the classes generated before must stay");
    }

    private static ServiceSpec load() {
        try {
            return SpecFixtures.load(SpecFixtures.spec("kitchen-sink.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
