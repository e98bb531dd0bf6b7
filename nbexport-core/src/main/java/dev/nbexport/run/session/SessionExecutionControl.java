package dev.nbexport.run.session;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs snippets in this JVM, as the kernel does, and keeps each snippet's value as the object itself (not
 * JShell's string of it), so that the last value can be rendered as the kernel renders it. JShell gets a
 * key in place of the value string; {@link #take} turns the key back into the object.
 */
final class SessionExecutionControl extends DirectExecutionControl {

    private static final Object NULL = new Object();

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    private final ClassLoader loader;
    private volatile Thread running;

    SessionExecutionControl(SnippetLoaderDelegate delegate) {
        super(delegate);
        this.loader = delegate.classLoader();
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object value = doitMethod.invoke(null);
        String key = "nbexport-value-" + keys.incrementAndGet();
        values.put(key, value == null ? NULL : value);
        return key;
    }

    /** The object JShell knows by {@code key}, once; {@code null} for a null value or an unknown key. */
    Object take(String key) {
        Object value = values.remove(key);
        return value == NULL ? null : value;
    }

    @Override
    protected void clientCodeEnter() {
        running = Thread.currentThread();
        running.setContextClassLoader(loader);
    }

    @Override
    protected void clientCodeLeave() {
        // under the lock stop() interrupts with: once notebook code has left, no interrupt reaches this thread
        synchronized (this) {
            running = null;
        }
    }

    /**
     * Stops the notebook code that runs: its loops and method calls end at the next {@link StopCheck}, and the
     * thread running it is interrupted (for code that sleeps, waits or reads). Until {@link #allowRunning} the
     * checks go on throwing, in every thread that runs the cells' code.
     */
    @Override
    public void stop() {
        setStopRequested(true);
        synchronized (this) {
            if (running != null) {
                running.interrupt();
            }
        }
    }

    /** Lets cells' code run again after {@link #stop}. */
    void allowRunning() {
        setStopRequested(false);
    }

    /**
     * Clears an interrupt {@link #stop} left on this thread, once notebook code has left it: the caller's own I/O
     * (a kernel's sockets) must not see it.
     */
    void clearInterrupt() {
        Thread.interrupted();
    }

    private void setStopRequested(boolean requested) {
        try {
            loader.loadClass(StopCheck.CLASS_NAME).getField("requested").setBoolean(null, requested);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the session's stop check is missing", e);
        }
    }

    /** Gives JShell this one control. */
    static ExecutionControlProvider provider(SessionExecutionControl control) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "nbexport";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }
}
