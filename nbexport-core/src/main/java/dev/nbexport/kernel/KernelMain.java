package dev.nbexport.kernel;

import dev.nbexport.kernel.wire.ConnectionFile;
import dev.nbexport.kernel.wire.KernelChannels;
import dev.nbexport.run.session.KernelDialect;
import dev.nbexport.run.session.NotebookSession;
import dev.nbexport.run.session.SessionOptions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The kernel process Jupyter starts from the kernelspec {@code nbexport:kernel} installed:
 * {@code java -cp <nbexport's jars> dev.nbexport.kernel.KernelMain <connection file> <nbexport-kernel.json>}.
 *
 * <p>Notebook code sees the JDK, the kernel's notebook API and the project's test class path, in a class loader of
 * its own ({@link NotebookSession}): nbexport's own libraries (Jackson, JeroMQ, gson, ...) on this JVM's class path
 * never reach it. The JVM ends when the front end asks the kernel to shut down (or to restart: Jupyter then starts
 * a new one).
 */
public final class KernelMain {

    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: KernelMain <connection file> <" + KernelProject.FILE_NAME + ">");
            System.exit(2);
        }
        PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // what javac in the session starts from: the notebook API only, set once (as in nbexport:test's workers)
        System.setProperty("java.class.path", NotebookSession.notebookApiPath());
        ConnectionFile connection = ConnectionFile.read(Path.of(args[0]));
        KernelProject project = KernelProject.read(Path.of(args[1]));
        KernelChannels channels = KernelChannels.bind(connection, log);
        try (NotebookSession session = NotebookSession.start(new SessionOptions(KernelDialect.JJAVA,
                project.session().classPath(), project.session().artifacts()))) {
            ProjectKernel kernel = new ProjectKernel(channels, session, project, log);
            kernel.starting();
            channels.serve(kernel);
        } finally {
            channels.close();
        }
        System.exit(0); // threads the notebook started must not keep the kernel alive
    }
}
