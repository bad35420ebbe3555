package dev.tcgen.generator.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tcgen.generator.spec.PagingSpec;
import dev.tcgen.generator.spec.SpecReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The spec writer: the conventions of the files in api-spec, byte for byte. */
class ImportSpecWriterTest {

    private static final Origin HERE = new Origin("test", 1);

    @Test
    void writesKeysInTheFormatsOrderWithTwoSpaceIndentationAndOneFinalNewline() {
        SpecDraft.Member id = new SpecDraft.Member("SdkAppId", "uint64", Optional.empty(), true, "The app.",
                "1400188366", false, HERE);
        SpecDraft.Member tags = new SpecDraft.Member("Tags", "list", Optional.of("Tag"), false, "", "", true, HERE);
        SpecDraft.Action action = new SpecDraft.Action("DoIt", "Does it", "", List.of(id, tags), List.of(),
                Optional.of(List.of("ap-guangzhou")), OptionalInt.of(20), Optional.of(false),
                Optional.of(PagingSpec.notPaged("")), List.of("ResourceNotFound", "InternalError"),
                List.of(new SpecDraft.Example("One", JsonNodeFactory.instance.objectNode().put("SdkAppId", 1),
                        JsonNodeFactory.instance.objectNode(), HERE)), true, true, HERE);
        SpecDraft.Structure tag = new SpecDraft.Structure("Tag", "A tag: \"k\" → v\t.", List.of(), false, HERE);
        SpecDraft.Service service = new SpecDraft.Service("../schema/tcgen-spec.schema.json", "demo", "2020-01-01", "",
                "demo.tencentcloudapi.com", "demo.intl.tencentcloudapi.com",
                List.of(new SpecDraft.Region("ap-guangzhou", "South China (Guangzhou)")), List.of(action),
                List.of(tag), List.of(new SpecDraft.ErrorCode("ResourceNotFound", "", true),
                        new SpecDraft.ErrorCode("InternalError", "Internal error.", true)));

        assertEquals("""
                {
                  "$schema": "../schema/tcgen-spec.schema.json",
                  "service": "demo",
                  "version": "2020-01-01",
                  "endpoints": {
                    "china": "demo.tencentcloudapi.com",
                    "international": "demo.intl.tencentcloudapi.com"
                  },
                  "regions": [
                    {
                      "id": "ap-guangzhou",
                      "name": "South China (Guangzhou)"
                    }
                  ],
                  "actions": [
                    {
                      "name": "DoIt",
                      "title": "Does it",
                      "input": [
                        {
                          "name": "SdkAppId",
                          "type": "uint64",
                          "required": true,
                          "description": "The app.",
                          "example": "1400188366"
                        },
                        {
                          "name": "Tags",
                          "type": "list",
                          "items": "Tag",
                          "deprecated": true
                        }
                      ],
                      "output": [],
                      "regions": [
                        "ap-guangzhou"
                      ],
                      "rateLimit": 20,
                      "idempotent": false,
                      "paging": false,
                      "errorCodes": [
                        "InternalError",
                        "ResourceNotFound"
                      ],
                      "examples": [
                        {
                          "title": "One",
                          "request": {
                            "SdkAppId": 1
                          },
                          "response": {}
                        }
                      ],
                      "deprecated": true,
                      "streaming": true
                    }
                  ],
                  "structures": [
                    {
                      "name": "Tag",
                      "description": "A tag: \\"k\\" → v\\t.",
                      "members": []
                    }
                  ],
                  "errorCodes": [
                    {
                      "code": "InternalError",
                      "description": "Internal error.",
                      "common": true
                    },
                    {
                      "code": "ResourceNotFound",
                      "common": true
                    }
                  ]
                }
                """, SpecWriter.write(service));
    }

    @Test
    void pagingIsWrittenInTheFormatsOrderWithItsFirstPage() {
        SpecDraft.Member page = new SpecDraft.Member("PageNo", "int64", Optional.empty(), false, "", "", false, HERE);
        SpecDraft.Member rooms = new SpecDraft.Member("Rooms", "list", Optional.of("string"), false, "", "", false,
                HERE);
        SpecDraft.Action action = new SpecDraft.Action("ListRooms", "", "", List.of(page), List.of(rooms),
                Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.of(PagingSpec.pageNumber("", "PageNo", "", 0, "", "Rooms")), List.of(), List.of(), false,
                false, HERE);

        assertEquals("{\"page\":\"PageNo\",\"firstPage\":0,\"items\":\"Rooms\"}",
                SpecWriter.action(action).get("paging").toString());
    }

    @Test
    void whatItWritesTheGeneratorReadsBack() throws Exception {
        SpecDraft.Service service = new SpecDraft.Service("", "demo", "2020-01-01", "Demo", "demo.tencentcloudapi.com",
                "demo.intl.tencentcloudapi.com", List.of(), List.of(), List.of(), CommonErrorCodes.all());

        SpecReader.Result read = SpecReader.read("demo.json", SpecWriter.write(service));

        assertTrue(read.problems().isEmpty(), read.problems().toString());
        assertEquals("Demo", read.spec().title());
        assertEquals(CommonErrorCodes.all().size(), read.spec().errorCodes().size());
    }
}
