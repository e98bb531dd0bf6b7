package dev.nbexport.docs.site;

import java.util.List;
import java.util.Objects;

/**
 * A generated main file, as the site shows it on a page of its own: the target of every API entry's
 * "generated at" link, so the link works offline, from {@code file://} and for notebooks whose
 * project does not keep the generated files.
 *
 * @param url the page, relative to the site root ({@code _source/com/acme/Slug.java.html})
 * @param file the file relative to the project ({@code src/main/java/com/acme/Slug.java})
 * @param content the file's text, as export writes it
 * @param blocks where each cell's code starts in the file, and the cell's place on the site
 */
public record SourceFile(String url, String file, String content, List<Block> blocks) {

    /**
     * One cell's code in the file.
     *
     * @param markerLine the file line of the cell's marker comment
     * @param cell how the cell is named ({@code notebooks/00_slugify.ipynb, cell 7})
     * @param cellUrl the cell on its page, relative to the site root ({@code 00_slugify.html#cell-7}),
     *     or {@code null} when the site does not show its notebook
     */
    public record Block(int markerLine, String cell, String cellUrl) {
        public Block {
            Objects.requireNonNull(cell, "cell");
        }
    }

    public SourceFile {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(content, "content");
        blocks = List.copyOf(blocks);
    }
}
