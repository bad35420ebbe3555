package dev.tcgen.generator.spec;

/**
 * A region of the service.
 *
 * @param pointer where it is in its file
 * @param id the region id, e.g. {@code ap-guangzhou}
 * @param name a human-readable name, possibly empty
 */
public record RegionSpec(String pointer, String id, String name) {}
