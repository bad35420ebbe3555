package dev.tcgen.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document together with the position of every value in it, so that later stages can say where a problem is.
 *
 * @param file the file as the user named it
 * @param root the document
 * @param locations the location of each value, by JSON pointer
 */
public record LocatedJson(String file, JsonNode root, Map<String, Location> locations) {

    public LocatedJson {
        // A hash map, not Map.copyOf: an api.json has hundreds of thousands of values, and Map.copyOf's table is
        // slower both to build and to search.
        locations = Collections.unmodifiableMap(new HashMap<>(locations));
    }

    /**
     * The location of the value at the pointer, or of its nearest enclosing value when the pointer names something
     * absent (a missing member is reported where its object starts).
     */
    public Location locate(String pointer) {
        String current = pointer;
        while (true) {
            Location location = locations.get(current);
            if (location != null) {
                return location;
            }
            if (current.isEmpty()) {
                return new Location(file, 1, 1);
            }
            current = current.substring(0, current.lastIndexOf('/'));
        }
    }

    /** A problem at the value the pointer names. */
    public Problem problem(String pointer, String message) {
        return new Problem(locate(pointer), pointer, message);
    }

    /** The pointer of a member of the object at {@code parent}, escaped as RFC 6901 requires. */
    public static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer of an element of the array at {@code parent}. */
    public static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
