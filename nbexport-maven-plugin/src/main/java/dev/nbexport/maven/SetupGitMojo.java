package dev.nbexport.maven;

import dev.nbexport.git.DriverCommands;
import dev.nbexport.git.GitSetup;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Installs nbexport's git integration into the project's repository, in one command: the cell-aware
 * notebook merge driver and the notebook diff driver (in the repository's own git config, so that
 * {@code git diff}, {@code git log -p} and {@code git show} print notebooks as readable text),
 * {@code *.ipynb merge=nbexport} and {@code *.ipynb diff=nbexport} in {@code .gitattributes}, and with
 * {@code -Dnbexport.git.hook} a pre-commit hook that runs the same clean check as CI. Running it again
 * changes nothing; existing hooks and attributes are kept.
 */
@Mojo(name = "setup-git", threadSafe = true)
public final class SetupGitMojo extends AbstractNbexportMojo {

    /** Skip this goal. */
    @Parameter(property = "nbexport.setup-git.skip", defaultValue = "false")
    boolean skipSetupGit;

    /** Also install a pre-commit hook that fails the commit while a notebook is not clean. */
    @Parameter(property = "nbexport.git.hook", defaultValue = "false")
    boolean hook;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    public SetupGitMojo() {
        super("setup-git");
    }

    @Override
    protected boolean skipGoal() {
        return skipSetupGit;
    }

    @Override
    protected void runGoal() throws MojoFailureException {
        DriverCommands drivers = new DriverCommands("java", driverClasspath());
        String hookCommand = hook ? maven() + " -q -f " + DriverCommands.quote(new File(basedir, "pom.xml").getAbsolutePath())
                + " nbexport:clean -Dnbexport.clean.check" : null;
        for (String line : GitSetup.install(new GitSetup.Request(basedir.toPath(), drivers, hookCommand))) {
            getLog().info(line);
        }
    }

    /** nbexport-core and jackson-core: all the merge and diff drivers load, so git's call per file starts fast. */
    private List<String> driverClasspath() throws MojoFailureException {
        List<String> entries = new ArrayList<>();
        for (Artifact artifact : plugin.getArtifacts()) {
            String key = artifact.getGroupId() + ":" + artifact.getArtifactId();
            if (key.equals("dev.nbexport:nbexport-core") || key.equals("com.fasterxml.jackson.core:jackson-core")) {
                entries.add(artifact.getFile().getAbsolutePath());
            }
        }
        if (entries.size() != 2) {
            throw new MojoFailureException("cannot find nbexport-core and jackson-core among the plugin's artifacts: " + entries);
        }
        entries.sort(null);
        return entries;
    }

    /** The project's Maven Wrapper when it has one (nearest folder up), else {@code mvn}. */
    private String maven() {
        for (Path dir = basedir.toPath().toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path wrapper = dir.resolve("mvnw");
            if (Files.isExecutable(wrapper)) {
                return DriverCommands.quote(wrapper.toString());
            }
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
        }
        return "mvn";
    }
}
