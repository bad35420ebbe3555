package dev.tcgen.generator.model;

/**
 * A documented example call.
 *
 * @param title what the example shows
 * @param request the request body, as pretty-printed JSON text
 * @param response the response body, as pretty-printed JSON text
 */
public record ExampleModel(String title, String request, String response) {}
