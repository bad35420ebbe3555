package dev.tcgen.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service version as Tencent publishes it, imported during the build: a {@code <tencentSpec>} of the
 * {@code generate} goal's {@code <tencentSpecs>}.
 *
 * <pre>{@code
 * <tencentSpec>
 *   <apiJson>src/main/tencent/tmt/v20180321/api.json</apiJson>
 *   <examples>src/main/tencent/tmt/v20180321/examples.json</examples>
 *   <docPages><docPage>src/main/tencent/tmt/v20180321/ImageTranslateLLM-api-doc.txt</docPage></docPages>
 *   <overlay>src/main/tencent/tmt/v20180321/overlay.json</overlay>
 * </tencentSpec>
 * }</pre>
 */
public class TencentSpec {

    /** Tencent's {@code api.json} of the service version; required. */
    File apiJson;

    /** Its {@code examples.json}; optional. */
    File examples;

    /** The text of API documentation pages, merged in this order; optional. */
    List<File> docPages = new ArrayList<>();

    /** A hand-written overlay, a partial spec applied last (title, regions, corrections); optional. */
    File overlay;

    /**
     * The files given, each named by its part: {@code apiJson}, {@code examples}, {@code docPages[i]},
     * {@code overlay}.
     */
    Map<String, File> files() {
        Map<String, File> files = new LinkedHashMap<>();
        files.put("apiJson", apiJson);
        files.put("examples", examples);
        for (int i = 0; i < docPages.size(); i++) {
            files.put("docPages[" + i + "]", docPages.get(i));
        }
        files.put("overlay", overlay);
        files.values().removeIf(file -> file == null);
        return files;
    }
}
