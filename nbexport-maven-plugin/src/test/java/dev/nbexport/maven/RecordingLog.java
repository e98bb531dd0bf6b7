package dev.nbexport.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A Maven {@link Log} that keeps what was logged, as {@code "[level] message"} lines. */
final class RecordingLog implements Log {

    /** One logged line: its level, text and throwable (or null). */
    record Entry(String level, String message, Throwable error) {
        @Override
        public String toString() {
            return "[" + level + "] " + message;
        }
    }

    final List<Entry> entries = new ArrayList<>();

    List<String> lines() {
        return entries.stream().map(Entry::toString).toList();
    }

    private void add(String level, CharSequence message, Throwable error) {
        entries.add(new Entry(level, message == null ? "" : message.toString(), error));
    }

    @Override public boolean isDebugEnabled() { return true; }
    @Override public void debug(CharSequence content) { add("debug", content, null); }
    @Override public void debug(CharSequence content, Throwable error) { add("debug", content, error); }
    @Override public void debug(Throwable error) { add("debug", null, error); }

    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence content) { add("info", content, null); }
    @Override public void info(CharSequence content, Throwable error) { add("info", content, error); }
    @Override public void info(Throwable error) { add("info", null, error); }

    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence content) { add("warn", content, null); }
    @Override public void warn(CharSequence content, Throwable error) { add("warn", content, error); }
    @Override public void warn(Throwable error) { add("warn", null, error); }

    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence content) { add("error", content, null); }
    @Override public void error(CharSequence content, Throwable error) { add("error", content, error); }
    @Override public void error(Throwable error) { add("error", null, error); }
}
