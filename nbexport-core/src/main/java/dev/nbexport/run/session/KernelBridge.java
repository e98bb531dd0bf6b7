package dev.nbexport.run.session;

import com.google.gson.Gson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * The kernel that notebook code's {@code display()}, {@code render()}, {@code eval()} and magics talk to
 * (they reach it through {@code BaseKernel.notebookKernel()}, as in JJava): the JJava notebook API's own
 * renderer, magic parser and registry, with displays and evaluations sent to the {@link NotebookSession}.
 */
final class KernelBridge extends BaseKernel {

    /** JJava's pattern for a line magic: {@code %} at a line's start or after {@code =}. */
    private static final String LINE_MAGIC_START = "(?<=(?:^|=))\\s*%";

    private static final Gson GSON = new Gson();

    private final NotebookSession session;

    KernelBridge(NotebookSession session, MagicsRegistry magics) {
        super("nbexport", "", new LanguageInfo.Builder("Java").version(Runtime.version().toString())
                        .mimetype("text/x-java-source").fileExtension(".jshell").pygments("java").codemirror("java").build(),
                List.<HelpLink>of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                new MagicParser(LINE_MAGIC_START, "%%", new MagicTranspiler()), magics, true,
                new StringStyler.Builder().build());
        this.session = session;
    }

    /** Makes this the kernel notebook code reaches; only one per JVM, as in JJava. */
    void install() {
        installNotebookKernel();
    }

    void uninstall() {
        uninstallNotebookKernel();
    }

    /** Installs the JJava extensions (renderers, imports) that libraries on {@code loader} declare. */
    void installExtensionsFrom(ClassLoader loader) {
        installExtensions(loader);
    }

    @Override
    public void display(DisplayData data) {
        session.displayed(json(data));
    }

    @Override
    public Object evalRaw(String source) {
        return session.evalRaw(source, "eval()");
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return null;
    }

    @Override
    public String isComplete(String code) {
        return IS_COMPLETE_MAYBE;
    }

    /** The display data as the kernel sends it: {@code data}, {@code metadata} and {@code transient}. */
    static String json(DisplayData data) {
        return GSON.toJson(data);
    }
}
