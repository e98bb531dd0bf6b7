package dev.nbexport.kernel.wire;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * One Jupyter message: the routing identities of the front end that sent it, then header, parent header, metadata
 * and content, each a JSON object (messaging protocol 5.3).
 *
 * @param identities ZeroMQ routing frames (empty for iopub messages)
 * @param header {@code msg_id}, {@code session}, {@code username}, {@code date}, {@code msg_type}, {@code version}
 * @param parent the header of the request this answers, or empty
 * @param metadata e.g. JupyterLab's {@code cellId} on an {@code execute_request}
 * @param content what the message says
 */
public record WireMessage(List<byte[]> identities, JsonObject header, JsonObject parent, JsonObject metadata,
                          JsonObject content) {

    /** The protocol version the kernel speaks. */
    public static final String PROTOCOL_VERSION = "5.3";

    public WireMessage {
        identities = List.copyOf(identities);
    }

    public String type() {
        String type = header.string("msg_type");
        return type == null ? "" : type;
    }

    /** The session id the front end sent (each of its messages carries it). */
    public String session() {
        String session = header.string("session");
        return session == null ? "" : session;
    }

    /**
     * A message of {@code type} in answer to this one, from {@code session}: sent back to the same front end,
     * with this message's header as its parent.
     */
    public WireMessage answer(String session, String type, JsonObject content) {
        return new WireMessage(identities, header(session, type), header, JsonObject.EMPTY, content);
    }

    /** A new message header, with a fresh id and the current time. */
    public static JsonObject header(String session, String type) {
        return JsonObject.EMPTY
                .with("msg_id", Json.string(UUID.randomUUID().toString()))
                .with("session", Json.string(session))
                .with("username", Json.string("kernel"))
                .with("date", Json.string(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .with("msg_type", Json.string(type))
                .with("version", Json.string(PROTOCOL_VERSION));
    }
}
