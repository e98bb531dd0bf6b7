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
        running = null;
    }

    /** Interrupts the thread running notebook code, if any. */
    void interrupt() {
        Thread t = running;
        if (t != null) {
            t.interrupt();
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
