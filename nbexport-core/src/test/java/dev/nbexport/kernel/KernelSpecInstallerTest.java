package dev.nbexport.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import dev.nbexport.kernel.KernelInstallResult.Action;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonParser;
import dev.nbexport.project.ExportRequest;
import dev.nbexport.run.worker.WorkerConfig;
import dev.nbexport.testing.KilledRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecInstallerTest {

    @TempDir
    Path dir;

    private KernelInstallRequest request(String displayName, List<Path> libraries, boolean uninstall) {
        Path project = dir.resolve("project");
        ExportRequest export = new ExportRequest(project, project.resolve("notebooks"), List.of(), List.of(),
                project.resolve("src/main/java"), project.resolve("src/test/java"), false, null, "1.0");
        KernelProject recorded = KernelProject.of("demo", "1.0", export, project.resolve("target"), project.resolve("pom.xml"),
                new WorkerConfig(List.of(project.resolve("target/classes")), List.of()), "marked");
        return new KernelInstallRequest(dir.resolve("kernels"), displayName, Path.of("/jdk/bin/java"), List.of("-Xss2m"),
                libraries, recorded, uninstall);
    }

    private Path jar(String name, String content) throws Exception {
        return Files.writeString(Files.createDirectories(dir.resolve("repo")).resolve(name), content);
    }

    @Test
    void installsThenChangesOnlyWhatChangedThenRemoves() throws Exception {
        Path core = jar("nbexport-core-1.0.jar", "core");
        Path gson = jar("gson-2.jar", "gson");
        Path kernel = dir.resolve("kernels/demo");

        KernelInstallResult first = KernelSpecInstaller.run(request("Java (demo)", List.of(core, gson), false));
        assertThat(first.action()).isEqualTo(Action.INSTALLED);
        assertThat(first.changed()).containsExactly("kernel.json", "lib/gson-2.jar", "lib/nbexport-core-1.0.jar",
                "nbexport-kernel.json");
        JsonObject spec = (JsonObject) JsonParser.parse(Files.readAllBytes(kernel.resolve("kernel.json")));
        assertThat(spec.array("argv").elements()).map(j -> ((Json.JsonString) j).value()).containsExactly("/jdk/bin/java",
                "-Xss2m", "-cp", "{resource_dir}/lib/nbexport-core-1.0.jar" + File.pathSeparator + "{resource_dir}/lib/gson-2.jar",
                "dev.nbexport.kernel.KernelMain", "{connection_file}", "{resource_dir}/nbexport-kernel.json");
        assertThat(spec.string("display_name")).isEqualTo("Java (demo)");
        assertThat(spec.string("language")).isEqualTo("java");
        assertThat(spec.string("interrupt_mode")).isEqualTo("message");
        assertThat(KernelProject.read(kernel.resolve(KernelProject.FILE_NAME)).session().classPath())
                .containsExactly(dir.resolve("project/target/classes"));

        KernelInstallResult again = KernelSpecInstaller.run(request("Java (demo)", List.of(core, gson), false));
        assertThat(again.action()).isEqualTo(Action.UNCHANGED);
        assertThat(again.line()).isEqualTo("Kernel demo in " + kernel + " is up to date");

        Path gson3 = jar("gson-3.jar", "gson 3");
        KernelInstallResult updated = KernelSpecInstaller.run(request("Java (demo)", List.of(core, gson3), false));
        assertThat(updated.action()).isEqualTo(Action.UPDATED);
        assertThat(updated.changed()).containsExactly("kernel.json", "lib/gson-2.jar", "lib/gson-3.jar");
        assertThat(kernel.resolve("lib/gson-2.jar")).doesNotExist();

        KernelInstallResult removed = KernelSpecInstaller.run(request("Java (demo)", List.of(core, gson3), true));
        assertThat(removed.action()).isEqualTo(Action.REMOVED);
        assertThat(kernel).doesNotExist();
        assertThat(KernelSpecInstaller.run(request("Java (demo)", List.of(core), true)).action()).isEqualTo(Action.ABSENT);
    }

    @Test
    void reinstallingRemovesWhatAKilledInstallLeftHalfWritten() throws Exception {
        Path core = jar("nbexport-core-1.0.jar", "core");
        Path kernel = dir.resolve("kernels/demo");
        KernelSpecInstaller.run(request("Java (demo)", List.of(core), false));
        List<Path> leftovers = List.of(
                Files.writeString(kernel.resolve(KilledRun.leftoverOf("kernel.json")), "{"),
                Files.writeString(kernel.resolve("lib/" + KilledRun.leftoverOf("nbexport-core-1.0.jar")), "PK"));
        Path another = Files.writeString(kernel.resolve(".kernel.json.8345127710349.tmp"), "not our name");

        KernelSpecInstaller.run(request("Java (demo)", List.of(core), false));

        assertThat(leftovers).allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(another).exists();
    }

    @Test
    void aKernelFolderNbexportDidNotWriteIsLeftAlone() throws Exception {
        Path foreign = Files.createDirectories(dir.resolve("kernels/demo"));
        Files.writeString(foreign.resolve("kernel.json"), "{}");
        for (boolean uninstall : new boolean[] {false, true}) {
            assertThatThrownBy(() -> KernelSpecInstaller.run(request("Java (demo)", List.of(), uninstall)))
                    .isInstanceOf(NbexportException.class).hasMessageContaining("holds a kernel that nbexport did not install");
        }
        assertThat(Files.readString(foreign.resolve("kernel.json"))).isEqualTo("{}");
    }

    @Test
    void theKernelsFolderIsWhereJupyterLooks() {
        Path home = Path.of("/home/u");
        assertThat(KernelLocation.kernelsDir(Optional.of(Path.of("/jp")), Optional.of(Path.of("/pre")), Map.of(), "Linux", home))
                .isEqualTo(Path.of("/jp/kernels"));
        assertThat(KernelLocation.kernelsDir(Optional.empty(), Optional.of(Path.of("/pre")), Map.of(), "Linux", home))
                .isEqualTo(Path.of("/pre/share/jupyter/kernels"));
        assertThat(KernelLocation.kernelsDir(Optional.empty(), Optional.empty(), Map.of(), "Linux", home))
                .isEqualTo(Path.of("/home/u/.local/share/jupyter/kernels"));
        assertThat(KernelLocation.kernelsDir(Optional.empty(), Optional.empty(), Map.of("XDG_DATA_HOME", "/xdg"), "Linux", home))
                .isEqualTo(Path.of("/xdg/jupyter/kernels"));
        assertThat(KernelLocation.kernelsDir(Optional.empty(), Optional.empty(), Map.of("JUPYTER_DATA_DIR", "/data"), "Linux", home))
                .isEqualTo(Path.of("/data/kernels"));
        assertThat(KernelLocation.kernelsDir(Optional.empty(), Optional.empty(), Map.of(), "Mac OS X", home))
                .isEqualTo(Path.of("/home/u/Library/Jupyter/kernels"));
    }
}
