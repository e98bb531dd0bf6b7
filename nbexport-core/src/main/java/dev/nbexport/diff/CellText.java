package dev.nbexport.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * One cell in the text view, in parts, so a diff can say which part changed.
 *
 * @param type the cell's type as written in the file: {@code code}, {@code markdown}, {@code raw}
 * @param id the cell's id, or {@code null}
 * @param header {@code // %% [code] #c0ffee04 | export | tags: slow}
 * @param source the source, one string per line
 * @param outputs one {@code [out]} line per output (per mime type of a rich output)
 * @param attachments one {@code [attachment]} line per attached file
 * @param metadata one {@code [meta]} line per metadata key (tags are in the header) and one
 *     {@code [field]} line per cell field nbformat does not define
 */
record CellText(String type, String id, String header, List<String> source, List<String> outputs, List<String> attachments,
        List<String> metadata) {

    CellText {
        source = List.copyOf(source);
        outputs = List.copyOf(outputs);
        attachments = List.copyOf(attachments);
        metadata = List.copyOf(metadata);
    }

    /** The header and source only, for a diff of sources. */
    CellText withoutDetails() {
        return new CellText(type, id, header, source, List.of(), List.of(), List.of());
    }

    /** Every line, in the order the text view shows them. */
    List<String> lines() {
        List<String> lines = new ArrayList<>(1 + source.size() + outputs.size() + attachments.size() + metadata.size());
        lines.add(header);
        lines.addAll(source);
        lines.addAll(details());
        return lines;
    }

    /** The lines after the source: outputs, attachments and metadata. */
    List<String> details() {
        List<String> lines = new ArrayList<>(outputs.size() + attachments.size() + metadata.size());
        lines.addAll(outputs);
        lines.addAll(attachments);
        lines.addAll(metadata);
        return lines;
    }
}
