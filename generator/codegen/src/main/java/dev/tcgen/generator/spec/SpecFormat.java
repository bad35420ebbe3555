package dev.tcgen.generator.spec;

import dev.tcgen.runtime.AbstractRegion;
import java.util.List;

/**
 * The spec format, defined once: each kind of JSON object a spec has, with its properties in the order spec files
 * write them, and the names of the scalar types. The reader, the importer's overlay and spec writer, and the test
 * that holds the JSON Schema to the format all take them from here.
 */
public enum SpecFormat {
    SERVICE("$schema", "service", "version", "title", "endpoints", "regions", "actions", "structures", "errorCodes"),
    ENDPOINTS("china", "international"),
    REGION("id", "name"),
    ACTION("name", "title", "description", "input", "output", "regions", "rateLimit", "idempotent", "paging",
            "errorCodes", "examples", "deprecated", "streaming"),
    PAGING("offset", "limit", "page", "pageSize", "firstPage", "token", "nextToken", "total", "items"),
    EXAMPLE("title", "request", "response"),
    STRUCTURE("name", "description", "members", "deprecated"),
    MEMBER("name", "type", "items", "required", "description", "example", "deprecated"),
    ERROR_CODE("code", "description", "common");

    /** The scalar types a member's {@code type} or {@code items} may name, besides {@code list} and structures. */
    public static final List<String> SCALAR_TYPES =
            List.of("string", "int64", "uint64", "float", "bool", "date", "datetime", "datetime_iso", "binary");

    /**
     * The form of a region id, e.g. {@code ap-guangzhou} or {@code ap-shenzhen-fsi}: lower-case words and digits
     * joined by hyphens. The validator holds spec files to it, and the runtime every region a client is given.
     */
    public static final String REGION_ID = AbstractRegion.ID_FORM;

    private final List<String> keys;

    SpecFormat(String... keys) {
        this.keys = List.of(keys);
    }

    /** The properties this kind of object may have, in the order spec files write them. */
    public List<String> keys() {
        return keys;
    }
}
