package dev.nbexport.run.session;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * {@code System.out} or {@code System.err} while a session is open: writes go to the running cell's outputs,
 * or to the stream it replaced when no cell runs.
 */
final class CellStream extends OutputStream {

    private final String name;
    private final PrintStream replaced;
    private final Supplier<CellOutputs> running;

    CellStream(String name, PrintStream replaced, Supplier<CellOutputs> running) {
        this.name = name;
        this.replaced = replaced;
        this.running = running;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        CellOutputs cell = running.get();
        if (cell != null) {
            cell.write(name, b, off, len);
        } else {
            replaced.write(b, off, len);
        }
    }

    @Override
    public void flush() {
        CellOutputs cell = running.get();
        if (cell != null) {
            cell.flush(name);
        } else {
            replaced.flush();
        }
    }
}
