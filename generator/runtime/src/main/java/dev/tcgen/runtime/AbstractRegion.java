package dev.tcgen.runtime;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the {@code Region} class of every service shares: the region's id, as sent in
 * {@code X-TC-Region}, and a display name. A service's {@code Region} adds a constant for each
 * region its spec lists, and {@code Region.of(id)} for any other.
 *
 * <p>Immutable. Two regions are equal when they are of the same class and have the same id;
 * {@link #toString()} is the id.
 */
public abstract class AbstractRegion {
    /**
     * The form of a region id: lower-case words and digits joined by hyphens, such as
     * {@code ap-guangzhou}, {@code na-siliconvalley} or {@code ap-shenzhen-fsi}.
     */
    public static final String ID_FORM = "[a-z]+(-[a-z0-9]+)+";

    private static final Pattern ID = Pattern.compile(ID_FORM);

    private final String id;

    private final String displayName;

    /**
     * Makes a region.
     *
     * @param id the region id, e.g. {@code ap-guangzhou}
     * @param displayName a human-readable name, e.g. {@code South China (Guangzhou)}
     * @throws IllegalArgumentException if the id is not of the form {@link #ID_FORM}
     */
    protected AbstractRegion(String id, String displayName) {
        if (!ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
            throw new IllegalArgumentException("not a region id: \"" + id
                    + "\"; expected lower-case words and digits joined by hyphens, e.g. ap-guangzhou");
        }
        this.id = id;
        this.displayName = Objects.requireNonNull(displayName, "displayName");
    }

    /**
     * The region id, as sent in {@code X-TC-Region}, e.g. {@code ap-guangzhou}.
     *
     * @return the id
     */
    public final String id() {
        return id;
    }

    /**
     * A human-readable name of the region, e.g. {@code South China (Guangzhou)}; the id for a
     * region the spec does not name.
     *
     * @return the name
     */
    public final String displayName() {
        return displayName;
    }

    /**
     * Whether {@code other} is a region of the same class with the same id.
     *
     * @param other another object
     * @return {@code true} if it is the same region
     */
    @Override
    public final boolean equals(Object other) {
        return this == other || other != null && other.getClass() == getClass()
                && id.equals(((AbstractRegion) other).id);
    }

    /**
     * The hash of the id.
     *
     * @return the hash code
     */
    @Override
    public final int hashCode() {
        return id.hashCode();
    }

    /**
     * The id, e.g. {@code ap-guangzhou}.
     *
     * @return the id
     */
    @Override
    public final String toString() {
        return id;
    }
}
