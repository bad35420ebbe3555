package dev.tcgen.runtime;

/**
 * A value of a response that the client could not read as its member's declared type, and so left out: the member is
 * absent ({@code null}), or the list element missing, and the rest of the response is read as usual. A response
 * lists them in {@code problems()}.
 *
 * <p>It never holds the document: a short string (up to 16 characters) or number (up to 24) is quoted, anything
 * longer only measured, an object or array only named.
 *
 * <pre>{@code
 * for (ReadProblem problem : response.problems()) {
 *     problem.path();       // Response.RoomList[2].CreateTime
 *     problem.expected();   // int64
 *     problem.found();      // "yesterday"
 * }
 * }</pre>
 *
 * @param path where the value is, from the document's root: member names joined by dots, list indexes in brackets,
 *     e.g. {@code Response.RoomList[2].CreateTime}
 * @param expected the declared type: {@code string}, {@code int64}, {@code uint64}, {@code float}, {@code bool},
 *     {@code object}, or {@code list of} one of them
 * @param found what came instead, e.g. {@code "yesterday"}, {@code 0.1}, {@code an object}, {@code null}, {@code a
 *     string of 40 characters}
 * @param foundType the JSON type of what came: {@code string}, {@code number}, {@code bool}, {@code null},
 *     {@code object} or {@code array}
 */
public record ReadProblem(String path, String expected, String found, String foundType) {

    /**
     * The kind of problem, for counting: the declared type and the JSON type that came, e.g. {@code int64 <- string}.
     *
     * @return the kind
     */
    public String kind() {
        return expected + " <- " + foundType;
    }

    /**
     * The problem in one line, e.g. {@code Response.RoomList[2].CreateTime: expected int64, found "yesterday"}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return path + ": expected " + expected + ", found " + found;
    }
}
