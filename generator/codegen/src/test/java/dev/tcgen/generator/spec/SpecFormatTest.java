package dev.tcgen.generator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcgen.generator.model.ScalarKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The JSON Schema of api-spec and the model's scalars say what {@link SpecFormat} says, in its order. */
class SpecFormatTest {

    private static JsonNode schema;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = SpecFormatTest.class.getResourceAsStream("/tcgen/schema/tcgen-spec.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
    }

    /** The schema's object for a kind: the root for the service, else the definition of the kind's camelCase name. */
    private static JsonNode definition(SpecFormat kind) {
        if (kind == SpecFormat.SERVICE) {
            return schema;
        }
        String[] words = kind.name().toLowerCase(Locale.ROOT).split("_");
        String name = words[0] + Stream.of(words).skip(1)
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .reduce("", String::concat);
        return schema.path("$defs").path(name);
    }

    @ParameterizedTest
    @EnumSource(SpecFormat.class)
    void theSchemaListsEachKindsPropertiesInTheFormatsOrder(SpecFormat kind) {
        List<String> properties = new ArrayList<>();
        definition(kind).path("properties").fieldNames().forEachRemaining(properties::add);
        assertEquals(kind.keys(), properties, kind.name());
    }

    @Test
    void theSchemasScalarTypesAreTheFormats() {
        List<String> scalars = new ArrayList<>();
        schema.path("$defs").path("scalarType").path("enum").forEach(name -> scalars.add(name.textValue()));
        assertEquals(SpecFormat.SCALAR_TYPES, scalars);
    }

    @Test
    void everyObjectTheSchemaDefinesIsAKindOfTheFormat() {
        List<JsonNode> objects = new ArrayList<>();
        schema.path("$defs").elements().forEachRemaining(d -> {
            if (d.has("properties")) {
                objects.add(d);
            }
        });
        objects.add(schema);
        assertEquals(objects.size(), SpecFormat.values().length);
        for (SpecFormat kind : SpecFormat.values()) {
            assertTrue(objects.contains(definition(kind)), kind.name());
        }
    }

    @Test
    void theSchemasRegionIdIsTheFormats() {
        assertEquals("^" + SpecFormat.REGION_ID + "$", schema.path("$defs").path("regionId").path("pattern").asText());
    }

    @Test
    void everyScalarTypeHasOneScalarKind() {
        assertEquals(SpecFormat.SCALAR_TYPES.size(), ScalarKind.values().length);
        for (String name : SpecFormat.SCALAR_TYPES) {
            assertTrue(ScalarKind.fromSpecName(name).isPresent(), name);
        }
    }
}
