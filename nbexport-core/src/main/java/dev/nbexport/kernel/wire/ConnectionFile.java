package dev.nbexport.kernel.wire;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The connection file Jupyter starts a kernel with ({@code {connection_file}} in the kernelspec's {@code argv}):
 * where to bind the five sockets, and the key messages are signed with.
 *
 * @param transport {@code tcp} or {@code ipc}
 * @param ip the address to bind, e.g. {@code 127.0.0.1}
 * @param shellPort requests from the front end
 * @param controlPort interrupt and shutdown requests, served even while a cell runs
 * @param iopubPort outputs and status, to every front end
 * @param stdinPort input requests (not used: cells read an empty {@code System.in}, as under nbconvert)
 * @param heartbeatPort echoes, so the front end knows the kernel is alive
 * @param key the HMAC key; empty for unsigned messages
 * @param signatureScheme {@code hmac-sha256}
 */
public record ConnectionFile(String transport, String ip, int shellPort, int controlPort, int iopubPort, int stdinPort,
                             int heartbeatPort, String key, String signatureScheme) {

    public static ConnectionFile read(Path file) throws IOException {
        JsonObject json;
        try {
            json = (JsonObject) JsonParser.parse(Files.readAllBytes(file));
        } catch (JsonParser.SyntaxError | ClassCastException e) {
            throw new IOException("not a Jupyter connection file: " + file + ": " + e.getMessage(), e);
        }
        return new ConnectionFile(orDefault(json.string("transport"), "tcp"), orDefault(json.string("ip"), "127.0.0.1"),
                port(json, "shell_port"), port(json, "control_port"), port(json, "iopub_port"), port(json, "stdin_port"),
                port(json, "hb_port"), orDefault(json.string("key"), ""), orDefault(json.string("signature_scheme"), "hmac-sha256"));
    }

    /** The address a socket binds, e.g. {@code tcp://127.0.0.1:5555} or {@code ipc://kernel-1}. */
    public String address(int port) {
        return "ipc".equals(transport) ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }

    private static int port(JsonObject json, String key) throws IOException {
        if (json.get(key) instanceof Json.JsonNumber n) {
            return Integer.parseInt(n.text());
        }
        throw new IOException("the connection file has no " + key);
    }

    private static String orDefault(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
