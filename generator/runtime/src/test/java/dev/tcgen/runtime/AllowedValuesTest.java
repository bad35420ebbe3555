package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedValuesTest {

    @Test
    void acceptsAllowedValuesAndNull() {
        assertEquals("en-US", AllowedValues.check("language", "en-US", AllowedValues.LANGUAGES));
        assertNull(AllowedValues.check("language", null, AllowedValues.LANGUAGES));
        assertEquals(List.of("a", "b"), AllowedValues.checkEach("Modes", List.of("a", "b"), List.of("a", "b", "c")));
    }

    @Test
    void namesTheAllowedValues() {
        assertEquals("language must be en-US or zh-CN, not \"fr-FR\"", assertThrows(IllegalArgumentException.class,
                () -> AllowedValues.check("language", "fr-FR", AllowedValues.LANGUAGES)).getMessage());
        assertEquals("Modes must be a, b or c, not \"d\"", assertThrows(IllegalArgumentException.class,
                () -> AllowedValues.checkEach("Modes", List.of("a", "d"), List.of("a", "b", "c"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ApiTransport.builder().language("fr-FR"));
    }
}
