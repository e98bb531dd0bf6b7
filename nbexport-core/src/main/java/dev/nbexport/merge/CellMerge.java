package dev.nbexport.merge;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Identity and three-way merge of single cells.
 *
 * <p>Two cells are the same cell when their ids are equal, or, when one of them has no id, when type
 * and source are equal. The same cell changed on both sides is merged field by field: the source line
 * by line, metadata key by key (tags as a set: added and removed tags of both sides are applied),
 * other fields (outputs, attachments, type) whole. The execution count is bookkeeping: when both sides
 * ran the cell, ours is kept.
 */
public final class CellMerge {

    private CellMerge() {}

    /** Whether {@code a} and {@code b} are the same cell: equal ids, or without an id, equal type and source. */
    public static boolean sameCell(Cell a, Cell b) {
        if (a.id() != null && b.id() != null) {
            return a.id().equals(b.id());
        }
        return a.typeName().equals(b.typeName()) && a.source().equals(b.source());
    }

    /**
     * The merge of one cell, or {@code null} when both sides changed it in ways that conflict and
     * {@code options} has no preferred side.
     */
    static Cell merge(Cell base, Cell ours, Cell theirs, MergeOptions options) {
        if (ours.equals(theirs) || base.equals(theirs)) {
            return ours;
        }
        if (base.equals(ours)) {
            return theirs;
        }
        Side prefer = options.preference();
        Set<String> keys = new LinkedHashSet<>(ours.json().members().keySet());
        keys.addAll(theirs.json().members().keySet());
        keys.addAll(base.json().members().keySet());
        Cell merged = ours;
        for (String key : keys) {
            Json b = base.json().get(key);
            Json o = ours.json().get(key);
            Json t = theirs.json().get(key);
            Json value;
            if (Objects.equals(o, t) || Objects.equals(b, t)) {
                continue; // ours already has it
            } else if (Objects.equals(b, o)) {
                value = t;
            } else if (key.equals("source") && b instanceof Json.JsonString bs && o instanceof Json.JsonString os
                    && t instanceof Json.JsonString ts) {
                LineMerge.Result source = LineMerge.merge(bs.value(), os.value(), ts.value(), options);
                if (!source.clean()) {
                    return null;
                }
                value = Json.string(source.text());
            } else if (key.equals("metadata") && o instanceof JsonObject om && t instanceof JsonObject tm) {
                JsonObject bm = b instanceof JsonObject m ? m : JsonObject.EMPTY;
                List<String> conflicts = new ArrayList<>();
                JsonObject metadata = JsonMerge.merge(bm.without("tags"), om.without("tags"), tm.without("tags"),
                        prefer, "", conflicts);
                Json tags = mergeTags(bm.get("tags"), om.get("tags"), tm.get("tags"), prefer, conflicts);
                if (!conflicts.isEmpty() && prefer == null) {
                    return null;
                }
                value = tags == null ? metadata : metadata.with("tags", tags);
            } else if (key.equals("execution_count")) {
                value = prefer == Side.THEIRS ? t : o;
            } else if (prefer != null) {
                value = prefer == Side.THEIRS ? t : o;
            } else {
                return null;
            }
            merged = value == null ? merged.without(key) : merged.with(key, value);
        }
        return merged;
    }

    /** Tags merged as a set: ours in order, then theirs' additions; removals on either side apply. */
    private static Json mergeTags(Json base, Json ours, Json theirs, Side prefer, List<String> conflicts) {
        if (!(ours instanceof JsonArray o && theirs instanceof JsonArray t && (base == null || base instanceof JsonArray))) {
            return JsonMerge.mergeValue(base, ours, theirs, prefer, "tags", conflicts);
        }
        List<Json> b = base == null ? List.of() : ((JsonArray) base).elements();
        Set<Json> result = new LinkedHashSet<>();
        for (Json tag : o.elements()) {
            if (t.elements().contains(tag) || !b.contains(tag)) {
                result.add(tag);
            }
        }
        for (Json tag : t.elements()) {
            if (!b.contains(tag)) {
                result.add(tag);
            }
        }
        return new JsonArray(new ArrayList<>(result));
    }
}
