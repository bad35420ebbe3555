package dev.tcgen.apispec;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the module's specs and schema are, and how the tests read and validate them. */
final class SpecFiles {

  /** The schema's path inside the jar, as consumers load it. */
  static final String SCHEMA_RESOURCE = "tcgen/schema/tcgen-spec.schema.json";

  /** Rejects duplicate keys, which a JSON Schema cannot see. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private SpecFiles() {}

  /** The spec sources, {@code src/main/resources/tcgen/specs}. */
  static Path specsDir() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath()
        .resolve("src/main/resources/tcgen/specs");
  }

  /** Every {@code *.json} file in {@link #specsDir()}, sorted. */
  static List<Path> specFiles() {
    try (Stream<Path> files = Files.list(specsDir())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static String classpathText(String resource) {
    try (InputStream in = SpecFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("not on the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode schemaNode() {
    try {
      return MAPPER.readTree(classpathText(SCHEMA_RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A registry that knows the draft 2020-12 meta-schemas (bundled, no network) and the spec schema by its $id. */
  static SchemaRegistry registry() {
    String text = classpathText(SCHEMA_RESOURCE);
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .pathType(PathType.JSON_POINTER)
        .locale(Locale.ENGLISH)
        .build();
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(config).schemas(Map.of(schemaId(), text)));
  }

  static String schemaId() {
    return schemaNode().required("$id").asText();
  }

  /** The spec schema, loaded from the classpath. */
  static Schema specSchema() {
    return registry().getSchema(SchemaLocation.of(schemaId()));
  }

  static String describe(List<Error> errors) {
    return errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
  }
}
