package dev.nbexport.kernel;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a kernelspec goes, as Jupyter looks for them ({@code jupyter kernelspec list}): the user's data folder by
 * default, or under a {@code --prefix}, or in a folder of {@code JUPYTER_PATH}.
 */
public final class KernelLocation {

    private KernelLocation() {}

    /**
     * The {@code kernels} folder: {@code <jupyterPath>/kernels} when a {@code JUPYTER_PATH}-style folder is given,
     * else {@code <prefix>/share/jupyter/kernels} when a prefix is, else the user's: {@code jupyter --data-dir}'s
     * {@code kernels} ({@code $JUPYTER_DATA_DIR}, else {@code $XDG_DATA_HOME/jupyter} or
     * {@code ~/.local/share/jupyter} on Linux, {@code ~/Library/Jupyter} on macOS, {@code %APPDATA%\jupyter} on
     * Windows).
     */
    public static Path kernelsDir(Optional<Path> jupyterPath, Optional<Path> prefix, Map<String, String> env, String osName,
                                  Path home) {
        if (jupyterPath.isPresent()) {
            return jupyterPath.get().resolve("kernels");
        }
        if (prefix.isPresent()) {
            return prefix.get().resolve("share/jupyter/kernels");
        }
        return userDataDir(env, osName, home).resolve("kernels");
    }

    static Path userDataDir(Map<String, String> env, String osName, Path home) {
        String dataDir = env.get("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return home.resolve("Library/Jupyter");
        }
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData == null ? home.resolve("AppData/Roaming/jupyter") : Path.of(appData, "jupyter");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "jupyter") : home.resolve(".local/share/jupyter");
    }
}
