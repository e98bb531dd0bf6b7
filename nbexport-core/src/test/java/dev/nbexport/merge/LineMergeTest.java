package dev.nbexport.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineMergeTest {

    private static final String BASE = "a\nb\nc\nd\ne\n";

    @Test
    void takesChangesOfEachSideToDifferentLines() {
        LineMerge.Result result = LineMerge.merge(BASE, "A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n");

        assertThat(result.clean()).isTrue();
        assertThat(result.text()).isEqualTo("A\nb\nc\nd\nE\n");
    }

    @Test
    void takesTheSameChangeOnBothSidesOnce() {
        LineMerge.Result result = LineMerge.merge(BASE, "a\nB\nc\nd\nE\n", "a\nB\nc\nd\ne\n");

        assertThat(result.clean()).isTrue();
        assertThat(result.text()).isEqualTo("a\nB\nc\nd\nE\n");
    }

    @Test
    void marksDifferentChangesToTheSameLineAsAConflictWithLabels() {
        MergeOptions options = MergeOptions.defaults().withLabels("HEAD", "feature");

        LineMerge.Result result = LineMerge.merge(BASE, "a\nb\nours\nd\ne\n", "a\nb\ntheirs\nd\ne\n", options);

        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(result.text()).isEqualTo("a\nb\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> feature\nd\ne\n");
    }

    @Test
    void resolvesConflictsForThePreferredSideAndStillMergesTheOtherSidesChanges() {
        String ours = "a\nb\nours\nd\ne\n";
        String theirs = "THEIRS\nb\ntheirs\nd\ne\n";

        assertThat(LineMerge.merge(BASE, ours, theirs, MergeOptions.defaults().preferring(Side.OURS)).text())
                .isEqualTo("THEIRS\nb\nours\nd\ne\n");
        assertThat(LineMerge.merge(BASE, ours, theirs, MergeOptions.defaults().preferring(Side.THEIRS)).text())
                .isEqualTo("THEIRS\nb\ntheirs\nd\ne\n");
    }

    @Test
    void splitsLinesKeepingTheirEnds() {
        assertThat(LineMerge.lines("a\nb")).containsExactly("a\n", "b");
        assertThat(LineMerge.lines("")).isEmpty();
    }

    @Test
    void agreesWithGitMergeFileOnRandomEdits(@TempDir Path dir) {
        qt().withExamples(60)
                .forAll(lists().of(integers().between(0, 5)).ofSizeBetween(0, 12),
                        lists().of(integers().between(0, 5)).ofSizeBetween(0, 12),
                        lists().of(integers().between(0, 5)).ofSizeBetween(0, 12))
                .checkAssert((base, ours, theirs) -> {
                    String b = text(base);
                    String o = text(ours);
                    String t = text(theirs);
                    LineMerge.Result ourMerge = LineMerge.merge(b, o, t);
                    String gitMerge = Git.mergeFile(dir, b, o, t, false);
                    if (ourMerge.clean() && !gitMerge.contains("<<<<<<<")) {
                        assertThat(ourMerge.text()).isEqualTo(gitMerge);
                    }
                });
    }

    private static String text(List<Integer> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(n -> out.append("line ").append(n).append('\n'));
        return out.toString();
    }

}
