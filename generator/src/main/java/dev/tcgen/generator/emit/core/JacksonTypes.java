package dev.tcgen.generator.emit.core;

import com.palantir.javapoet.ClassName;

/**
 * The Jackson 2.x types the generated core refers to, by name.
 *
 * <p>Named by string rather than by {@code Class}: the generated client is compiled against its own Jackson, which
 * need not be the one the generator runs with.
 */
final class JacksonTypes {

    static final ClassName JSON_INCLUDE = ClassName.get("com.fasterxml.jackson.annotation", "JsonInclude");
    static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
    static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    static final ClassName JSON_PROCESSING_EXCEPTION =
            ClassName.get("com.fasterxml.jackson.core", "JsonProcessingException");
    static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
    static final ClassName DESERIALIZATION_CONTEXT =
            ClassName.get("com.fasterxml.jackson.databind", "DeserializationContext");
    static final ClassName DESERIALIZATION_FEATURE =
            ClassName.get("com.fasterxml.jackson.databind", "DeserializationFeature");
    static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    static final ClassName MAPPER_FEATURE = ClassName.get("com.fasterxml.jackson.databind", "MapperFeature");
    static final ClassName OBJECT_MAPPER = ClassName.get("com.fasterxml.jackson.databind", "ObjectMapper");
    static final ClassName SERIALIZATION_FEATURE =
            ClassName.get("com.fasterxml.jackson.databind", "SerializationFeature");
    static final ClassName SERIALIZER_PROVIDER =
            ClassName.get("com.fasterxml.jackson.databind", "SerializerProvider");
    static final ClassName STD_DESERIALIZER =
            ClassName.get("com.fasterxml.jackson.databind.deser.std", "StdDeserializer");
    static final ClassName INVALID_FORMAT_EXCEPTION =
            ClassName.get("com.fasterxml.jackson.databind.exc", "InvalidFormatException");
    static final ClassName JSON_MAPPER = ClassName.get("com.fasterxml.jackson.databind.json", "JsonMapper");
    static final ClassName STD_SERIALIZER = ClassName.get("com.fasterxml.jackson.databind.ser.std", "StdSerializer");

    private JacksonTypes() {}
}
