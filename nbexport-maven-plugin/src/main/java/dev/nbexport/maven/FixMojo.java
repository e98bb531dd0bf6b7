package dev.nbexport.maven;

import dev.nbexport.merge.FixCommand;
import dev.nbexport.merge.MergeOptions;
import dev.nbexport.merge.Side;
import dev.nbexport.workspace.NotebookFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Repairs notebooks that a git merge, rebase, cherry-pick or {@code stash pop} left with conflict
 * markers: each becomes a valid notebook again, cells matched one by one, unchanged cells kept once,
 * and whatever still conflicts kept from both sides between markdown marker cells. Fails while
 * conflicts remain, so a script can tell.
 */
@Mojo(name = "fix", threadSafe = true)
public final class FixMojo extends AbstractNbexportMojo {

    /** Skip this goal. */
    @Parameter(property = "nbexport.fix.skip", defaultValue = "false")
    boolean skipFix;

    /** Resolve every conflict with one side: {@code ours} or {@code theirs}. */
    @Parameter(property = "nbexport.fix.prefer")
    String prefer;

    public FixMojo() {
        super("fix");
    }

    @Override
    protected boolean skipGoal() {
        return skipFix;
    }

    @Override
    protected void runGoal() throws MojoFailureException {
        MergeOptions options = MergeOptions.defaults().preferring(side());
        List<String> conflicted = new ArrayList<>();
        int repaired = 0;
        List<Path> files = new NotebookFinder(includes, excludes).find(notebooks.toPath());
        for (Path file : files) {
            FixCommand.Outcome outcome = FixCommand.fix(file, shown(file.toFile()), options);
            outcome.notes().forEach(note -> getLog().warn(outcome.name() + ": " + note));
            if (outcome.written() || outcome.conflicts() > 0) {
                getLog().info(outcome.describe());
            }
            repaired += outcome.written() ? 1 : 0;
            if (outcome.conflicts() > 0) {
                conflicted.add(outcome.name());
            }
        }
        if (!conflicted.isEmpty()) {
            throw new MojoFailureException(conflicted.size() + " of " + files.size()
                    + " notebooks still have conflicts, shown as marker cells: " + String.join(", ", conflicted)
                    + System.lineSeparator() + "  Resolve them in Jupyter (keep one side, delete the marker cells),"
                    + " or run `mvn nbexport:fix -Dnbexport.fix.prefer=ours` (or theirs).");
        }
        getLog().info(repaired == 0 ? "No notebook had conflict markers (" + files.size() + " read)."
                : "Repaired " + repaired + " of " + files.size() + " notebooks; no conflicts left.");
    }

    private Side side() throws MojoFailureException {
        if (prefer == null || prefer.isBlank()) {
            return null;
        }
        return switch (prefer.strip().toLowerCase(Locale.ROOT)) {
            case "ours" -> Side.OURS;
            case "theirs" -> Side.THEIRS;
            default -> throw new MojoFailureException("nbexport.fix.prefer is `" + prefer + "`"
                    + System.lineSeparator() + "  Use `ours` or `theirs`, or leave it out to keep both sides.");
        };
    }
}
