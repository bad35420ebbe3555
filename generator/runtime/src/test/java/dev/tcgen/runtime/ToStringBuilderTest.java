package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text of a generated value's {@code toString()}. */
class ToStringBuilderTest {

    @Test
    void membersInOrderSeparatedByCommas() {
        String text = new ToStringBuilder("Pair").add("Name", "a").add("Count", 2L).add("Tags", List.of("x", "y"))
                .build();

        assertEquals("Pair{Name=a, Count=2, Tags=[x, y]}", text);
    }

    @Test
    void absentMembersAreLeftOutWithoutStraySeparators() {
        assertEquals("Pair{Count=2}", new ToStringBuilder("Pair").add("Name", null).add("Count", 2L)
                .add("Tags", null).build());
        assertEquals("Empty{}", new ToStringBuilder("Empty").add("Name", null).build());
    }

    @Test
    void secretsShowThatTheyAreSetButNeverTheirValue() {
        String text = new ToStringBuilder("Agent").add("UserId", "u1").addSecret("UserSig", "eJw1-secret")
                .addSecret("Token", null).build();

        assertEquals("Agent{UserId=u1, UserSig=****}", text);
        assertFalse(text.contains("eJw1"));
    }

    @Test
    void buildCanBeCalledTwice() {
        ToStringBuilder builder = new ToStringBuilder("One").add("A", 1);

        assertEquals(builder.build(), builder.build());
    }
}
