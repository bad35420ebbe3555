package dev.tcgen.generator.model;

/**
 * A region and its constant in the {@code Region} class.
 *
 * @param id the region as sent in {@code X-TC-Region}, e.g. {@code ap-guangzhou}
 * @param constantName the constant, e.g. {@code AP_GUANGZHOU}
 * @param description a human-readable name, possibly empty
 */
public record RegionModel(String id, String constantName, String description) {}
