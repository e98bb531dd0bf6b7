package dev.nbexport.merge;

import java.util.Objects;
import java.util.Optional;

/**
 * How a notebook merge labels and resolves conflicts.
 *
 * <p>Conflicts are shown as markdown cells whose source is a git conflict marker:
 * {@code <<<<<<< ours-label}, {@code =======}, {@code >>>>>>> theirs-label}, the marker
 * {@code markerSize} characters long (git's {@code conflict-marker-size}, 7 by default). With a
 * preferred side, conflicts are resolved for that side instead, like {@code git merge -X ours}:
 * changes from the other side that do not conflict are still merged.
 *
 * <pre>{@code
 * MergeOptions options = MergeOptions.defaults().withLabels("HEAD", "feature").preferring(Side.THEIRS);
 * }</pre>
 *
 * @param oursLabel what the opening marker names ours by, for example {@code HEAD}
 * @param theirsLabel what the closing marker names theirs by, for example the merged branch
 * @param markerSize length of the marker runs, at least 7
 * @param preference the side that wins conflicts, or {@code null} to leave conflicts for the user
 */
public record MergeOptions(String oursLabel, String theirsLabel, int markerSize, Side preference) {

    /** git's default marker length. */
    public static final int DEFAULT_MARKER_SIZE = 7;

    public MergeOptions {
        Objects.requireNonNull(oursLabel, "oursLabel");
        Objects.requireNonNull(theirsLabel, "theirsLabel");
        if (oursLabel.contains("\n") || theirsLabel.contains("\n")) {
            throw new IllegalArgumentException("a conflict label is one line");
        }
        if (markerSize < DEFAULT_MARKER_SIZE) {
            throw new IllegalArgumentException("conflict markers are at least 7 characters long: " + markerSize);
        }
    }

    /** Labels {@code ours} and {@code theirs}, 7-character markers, no preference. */
    public static MergeOptions defaults() {
        return new MergeOptions("ours", "theirs", DEFAULT_MARKER_SIZE, null);
    }

    public MergeOptions withLabels(String ours, String theirs) {
        return new MergeOptions(ours, theirs, markerSize, preference);
    }

    public MergeOptions withMarkerSize(int size) {
        return new MergeOptions(oursLabel, theirsLabel, size, preference);
    }

    /** Options that resolve every conflict for {@code side}; {@code null} leaves conflicts to the user. */
    public MergeOptions preferring(Side side) {
        return new MergeOptions(oursLabel, theirsLabel, markerSize, side);
    }

    public Optional<Side> preferred() {
        return Optional.ofNullable(preference);
    }
}
