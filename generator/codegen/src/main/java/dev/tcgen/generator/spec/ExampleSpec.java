package dev.tcgen.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A documented example call.
 *
 * @param pointer where it is in its file
 * @param title what it shows
 * @param request the request body
 * @param response the response body
 */
public record ExampleSpec(String pointer, String title, JsonNode request, JsonNode response) {}
