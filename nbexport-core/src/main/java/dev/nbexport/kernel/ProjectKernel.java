package dev.nbexport.kernel;

import dev.nbexport.io.Sha256;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.kernel.wire.KernelChannels;
import dev.nbexport.kernel.wire.KernelChannels.Channel;
import dev.nbexport.kernel.wire.WireMessage;
import dev.nbexport.run.session.CellResult;
import dev.nbexport.run.session.Completions;
import dev.nbexport.run.session.InputCompleteness;
import dev.nbexport.run.session.NotebookSession;
import dev.nbexport.run.session.OutputListener;
import dev.nbexport.run.session.SymbolDocumentation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The project's Jupyter kernel: requests from the front end ({@link KernelChannels}) answered by one
 * {@link NotebookSession}, the engine {@code nbexport:test} runs notebooks with, so a cell gives in Jupyter what it
 * gives there (start-up imports, outputs, errors, magics and the {@code %maven} rule). On top: hidden-state lines
 * ({@link SessionCells}), the {@code %nbexport} magic ({@link NbexportMagic}), and a line when the POM changed
 * since the kernel's class path was resolved.
 *
 * <p>Messaging protocol 5.3: {@code kernel_info}, {@code execute} (status busy/idle, {@code execute_input}, outputs
 * as they happen), {@code complete}, {@code inspect}, {@code is_complete}, {@code history} (empty),
 * {@code comm_info} (none) and {@code comm_open} (closed at once: the kernel has no comm targets), {@code interrupt}
 * and {@code shutdown} on the control channel.
 */
final class ProjectKernel implements KernelChannels.Handler {

    private final KernelChannels channels;
    private final NotebookSession session;
    private final KernelProject project;
    private final SessionCells cells;
    private final PrintStream log;
    private final String sessionId = UUID.randomUUID().toString();
    private final List<String> startNotes;
    private boolean notesShown;

    ProjectKernel(KernelChannels channels, NotebookSession session, KernelProject project, PrintStream log) {
        this.channels = channels;
        this.session = session;
        this.project = project;
        this.log = log;
        this.cells = new SessionCells(project.export(), session::declaredNames);
        this.startNotes = startNotes(project);
        NbexportMagic magic = new NbexportMagic(project, cells::status);
        session.addLineMagic("nbexport", magic::run);
    }

    /** Lines the first cell shows on stderr: what the recorded class path may lack now. */
    private static List<String> startNotes(KernelProject project) {
        List<String> notes = new ArrayList<>();
        try {
            if (Files.isRegularFile(project.pom()) && !Sha256.hex(Files.readAllBytes(project.pom())).equals(project.pomSha256())) {
                notes.add("nbexport: " + project.pom().getFileName() + " changed since `mvn nbexport:kernel` resolved this"
                        + " kernel's class path: run it again to see new dependencies, then restart the kernel");
            }
        } catch (IOException e) {
            // no POM to compare: nothing to say
        }
        for (Path entry : project.session().classPath()) {
            if (!Files.exists(entry)) {
                notes.add("nbexport: " + entry + " does not exist (mvn clean?): run `mvn test-compile` to put the exported"
                        + " classes back on the class path, then restart the kernel");
                break;
            }
        }
        return notes;
    }

    /** Tells the front ends the kernel is starting. */
    void starting() {
        channels.publish(null, sessionId, "status", status("starting"));
    }

    @Override
    public void handle(Channel channel, WireMessage request) {
        String type = request.type();
        if (type.equals("comm_msg") || type.equals("comm_close")) {
            return; // no comms are open
        }
        channels.publish(request, sessionId, "status", status("busy"));
        try {
            switch (type) {
                case "kernel_info_request" -> reply(channel, request, "kernel_info_reply", kernelInfo());
                case "execute_request" -> execute(channel, request);
                case "complete_request" -> reply(channel, request, "complete_reply", complete(request.content()));
                case "inspect_request" -> reply(channel, request, "inspect_reply", inspect(request.content()));
                case "is_complete_request" -> reply(channel, request, "is_complete_reply", isComplete(request.content()));
                case "history_request" -> reply(channel, request, "history_reply", ok().with("history", JsonArray.EMPTY));
                case "comm_info_request" -> reply(channel, request, "comm_info_reply", ok().with("comms", JsonObject.EMPTY));
                case "comm_open" -> channels.publish(request, sessionId, "comm_close", JsonObject.EMPTY
                        .with("comm_id", request.content().get("comm_id") == null ? Json.string("") : request.content().get("comm_id"))
                        .with("data", JsonObject.EMPTY));
                case "interrupt_request" -> {
                    session.interrupt();
                    reply(channel, request, "interrupt_reply", ok());
                }
                case "shutdown_request" -> {
                    boolean restart = request.content().get("restart") == Json.JsonBoolean.TRUE;
                    reply(channel, request, "shutdown_reply", ok().with("restart", Json.JsonBoolean.of(restart)));
                    channels.stop();
                }
                default -> log.println("nbexport kernel: ignored a " + type);
            }
        } finally {
            channels.publish(request, sessionId, "status", status("idle"));
        }
    }

    private void execute(Channel channel, WireMessage request) {
        JsonObject content = request.content();
        String code = content.string("code") == null ? "" : content.string("code");
        boolean silent = content.get("silent") == Json.JsonBoolean.TRUE;
        int count = session.executionCount() + 1;
        if (!silent) {
            channels.publish(request, sessionId, "execute_input", JsonObject.EMPTY.with("code", Json.string(code))
                    .with("execution_count", Json.JsonNumber.of(count)));
        }
        Optional<String> cellId = Optional.ofNullable(request.metadata().string("cellId"));
        Optional<SessionCells.Place> place = cells.identify(code, cellId);
        List<String> warnings = new ArrayList<>();
        if (!notesShown) {
            warnings.addAll(startNotes);
            notesShown = true;
        }
        warnings.addAll(cells.beforeRun(place, code, count));
        OutputListener listener = silent ? OutputListener.NONE : publisher(request);
        if (!silent && !warnings.isEmpty()) {
            listener.streamed("stderr", String.join("\n", warnings) + "\n");
        }
        CellResult result = session.evaluate(code, place.map(SessionCells.Place::name).orElse("In [" + count + "]"), listener);
        JsonObject reply = JsonObject.EMPTY.with("execution_count", Json.JsonNumber.of(result.executionCount()));
        if (result.error().isPresent()) {
            var error = result.error().get();
            List<Json> traceback = error.traceback().stream().<Json>map(Json::string).toList();
            reply = reply.with("status", Json.string("error")).with("ename", Json.string(error.ename()))
                    .with("evalue", Json.string(error.evalue())).with("traceback", new JsonArray(traceback));
        } else {
            reply = reply.with("status", Json.string("ok")).with("user_expressions", JsonObject.EMPTY)
                    .with("payload", JsonArray.EMPTY);
        }
        reply(channel, request, "execute_reply", reply);
        if (result.failed() && content.get("stop_on_error") != Json.JsonBoolean.FALSE && channel == Channel.SHELL) {
            abortWaitingExecutions();
        }
    }

    /**
     * After a failed cell, the cells the front end had already sent ("Run all") are not run, as in IPython: they
     * are answered {@code aborted}; other requests waiting are served as usual.
     */
    private void abortWaitingExecutions() {
        for (WireMessage waiting : channels.waitingShellRequests()) {
            if (waiting.type().equals("execute_request")) {
                channels.publish(waiting, sessionId, "status", status("busy"));
                reply(Channel.SHELL, waiting, "execute_reply", JsonObject.EMPTY.with("status", Json.string("aborted")));
                channels.publish(waiting, sessionId, "status", status("idle"));
            } else {
                handle(Channel.SHELL, waiting);
            }
        }
    }

    /** Outputs to iopub as they happen: stream pieces at once, the others when complete. */
    private OutputListener publisher(WireMessage request) {
        return new OutputListener() {
            @Override
            public void output(JsonObject output) {
                String type = output.string("output_type");
                switch (type) {
                    case "stream" -> { } // sent piece by piece already
                    case "error" -> channels.publish(request, sessionId, "error", output.without("output_type"));
                    case "display_data" -> channels.publish(request, sessionId, "display_data",
                            output.without("output_type").with("transient", JsonObject.EMPTY));
                    default -> channels.publish(request, sessionId, type, output.without("output_type"));
                }
            }

            @Override
            public void streamed(String name, String text) {
                channels.publish(request, sessionId, "stream", JsonObject.EMPTY.with("name", Json.string(name))
                        .with("text", Json.string(text)));
            }
        };
    }

    private JsonObject complete(JsonObject content) {
        String code = content.string("code") == null ? "" : content.string("code");
        int cursor = cursor(content, code);
        Completions c = session.complete(code, cursor);
        List<Json> matches = c.matches().stream().<Json>map(Json::string).toList();
        return ok().with("matches", new JsonArray(matches)).with("cursor_start", Json.JsonNumber.of(c.start()))
                .with("cursor_end", Json.JsonNumber.of(c.end())).with("metadata", JsonObject.EMPTY);
    }

    private JsonObject inspect(JsonObject content) {
        String code = content.string("code") == null ? "" : content.string("code");
        List<SymbolDocumentation> docs = session.documentation(code, cursor(content, code));
        JsonObject data = docs.isEmpty() ? JsonObject.EMPTY : JsonObject.EMPTY.with("text/plain",
                Json.string(docs.stream().map(SymbolDocumentation::text).collect(Collectors.joining("\n\n"))));
        return ok().with("found", Json.JsonBoolean.of(!docs.isEmpty())).with("data", data).with("metadata", JsonObject.EMPTY);
    }

    private JsonObject isComplete(JsonObject content) {
        InputCompleteness c = session.completeness(content.string("code") == null ? "" : content.string("code"));
        JsonObject reply = JsonObject.EMPTY.with("status", Json.string(c.status()));
        return c.status().equals("incomplete") ? reply.with("indent", Json.string(c.indent())) : reply;
    }

    /**
     * The cursor as a Java string offset: the protocol (5.2 and later) counts Unicode code points, Java counts
     * UTF-16 units.
     */
    private static int cursor(JsonObject content, String code) {
        int codePoints = content.get("cursor_pos") instanceof Json.JsonNumber n ? Integer.parseInt(n.text()) : code.length();
        int points = Math.min(codePoints, code.codePointCount(0, code.length()));
        return code.offsetByCodePoints(0, Math.max(0, points));
    }

    private JsonObject kernelInfo() {
        JsonObject language = JsonObject.EMPTY
                .with("name", Json.string("Java"))
                .with("version", Json.string(Runtime.version().toString()))
                .with("mimetype", Json.string("text/x-java-source"))
                .with("file_extension", Json.string(".jshell"))
                .with("pygments_lexer", Json.string("java"))
                .with("codemirror_mode", Json.string("java"));
        return ok()
                .with("protocol_version", Json.string(WireMessage.PROTOCOL_VERSION))
                .with("implementation", Json.string("nbexport"))
                .with("implementation_version", Json.string(project.toolVersion()))
                .with("language_info", language)
                .with("banner", Json.string("nbexport kernel for " + project.name() + " (JJava 1.0-a6 semantics) :: Java "
                        + Runtime.version() + " :: Protocol v" + WireMessage.PROTOCOL_VERSION))
                .with("help_links", JsonArray.EMPTY);
    }

    private void reply(Channel channel, WireMessage request, String type, JsonObject content) {
        channels.send(channel, request.answer(sessionId, type, content));
    }

    private static JsonObject ok() {
        return JsonObject.EMPTY.with("status", Json.string("ok"));
    }

    private static JsonObject status(String state) {
        return JsonObject.EMPTY.with("execution_state", Json.string(state));
    }
}
