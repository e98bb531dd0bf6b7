package dev.nbexport.kernel.wire;

import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonParser;
import dev.nbexport.json.JsonWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel's side of a Jupyter connection, on JeroMQ: the five sockets of the connection file, each read by a
 * thread of its own that blocks until a message comes (a request is handled as soon as it arrives), messages
 * framed and signed as the protocol says.
 *
 * <ul>
 *   <li>shell: requests, handled one at a time by {@link #serve}'s caller (a cell runs on that thread);
 *   <li>control: interrupt and shutdown, on a thread of its own, so they are served while a cell runs;
 *   <li>iopub: status and outputs, queued from any thread by {@link #publish} and sent, in that order, by a thread
 *       of its own: a cell's thread prints while an interrupt may reach it, and an interrupted thread must not
 *       touch a socket (JeroMQ fails the send, and NIO closes the channel);
 *   <li>heartbeat: echoes on a thread of its own;
 *   <li>stdin: bound, never asked: cells read an empty {@code System.in}, as they do under nbconvert.
 * </ul>
 *
 * <p>Why not JJava's {@code JupyterConnection}: its socket loops poll without waiting and then sleep 50 ms
 * (heartbeat 500 ms), so each request waits up to that long before it is read (see {@code docs/benchmarks.md}
 * for what that costs per request), and its messages are gson objects of JJava's own message classes, where the
 * session gives nbformat outputs as JSON already.
 */
public final class KernelChannels implements AutoCloseable {

    /** Which socket a request came on, and its answer goes back on. */
    public enum Channel { SHELL, CONTROL }

    /** What the kernel does with requests; each method is called on the thread of its channel. */
    public interface Handler {
        void handle(Channel channel, WireMessage request);
    }

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final int POLL_MILLIS = 200;

    private final ZContext context = new ZContext();
    private final MessageSigner signer;
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final ZMQ.Socket stdin;
    private final ZMQ.Socket heartbeat;
    private final PrintStream log;
    private volatile boolean running = true;
    private final List<Thread> threads = new ArrayList<>();
    private final BlockingQueue<WireMessage> published = new LinkedBlockingQueue<>();

    private KernelChannels(ConnectionFile connection, PrintStream log) {
        this.log = log;
        this.signer = new MessageSigner(connection.key(), connection.signatureScheme());
        this.shell = bind(SocketType.ROUTER, connection.address(connection.shellPort()));
        this.control = bind(SocketType.ROUTER, connection.address(connection.controlPort()));
        this.iopub = bind(SocketType.PUB, connection.address(connection.iopubPort()));
        this.stdin = bind(SocketType.ROUTER, connection.address(connection.stdinPort()));
        this.heartbeat = bind(SocketType.REP, connection.address(connection.heartbeatPort()));
    }

    /** Binds the connection file's sockets; {@code log} gets what goes wrong on the wire. */
    public static KernelChannels bind(ConnectionFile connection, PrintStream log) {
        return new KernelChannels(connection, log);
    }

    private ZMQ.Socket bind(SocketType type, String address) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(1000);
        socket.setReceiveTimeOut(POLL_MILLIS);
        socket.bind(address);
        return socket;
    }

    /**
     * Serves requests until {@link #stop}: heartbeat and control on threads of their own, shell on this thread.
     */
    public void serve(Handler handler) {
        Thread beat = new Thread(() -> {
            while (running) {
                byte[] ping = heartbeat.recv(0);
                if (ping != null) {
                    heartbeat.send(ping, 0);
                }
            }
        }, "nbexport-kernel-heartbeat");
        Thread controlThread = new Thread(() -> loop(control, Channel.CONTROL, handler), "nbexport-kernel-control");
        Thread publisher = new Thread(this::publishQueued, "nbexport-kernel-iopub");
        for (Thread t : List.of(beat, controlThread, publisher)) {
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        loop(shell, Channel.SHELL, handler);
    }

    private void loop(ZMQ.Socket socket, Channel channel, Handler handler) {
        while (running) {
            Optional<WireMessage> request = read(socket, 0);
            if (request.isPresent()) {
                try {
                    handler.handle(channel, request.get());
                } catch (RuntimeException e) {
                    log.println("nbexport kernel: " + request.get().type() + " failed: " + e);
                    e.printStackTrace(log);
                }
            }
        }
    }

    /** The requests waiting on the shell socket now, without waiting for more (only on the shell thread). */
    public List<WireMessage> waitingShellRequests() {
        List<WireMessage> waiting = new ArrayList<>();
        Optional<WireMessage> next;
        while ((next = read(shell, ZMQ.DONTWAIT)).isPresent()) {
            waiting.add(next.get());
        }
        return waiting;
    }

    /** Sends an answer back on the channel its request came on (only on that channel's thread). */
    public void send(Channel channel, WireMessage message) {
        write(channel == Channel.SHELL ? shell : control, message);
    }

    /**
     * Publishes on iopub, from any thread: a message of {@code type} about {@code parent}'s request. It is queued
     * (never waits, never sees the caller's interrupt) and sent after those published before it.
     */
    public void publish(WireMessage parent, String session, String type, JsonObject content) {
        published.offer(new WireMessage(List.of(("kernel." + session + "." + type).getBytes(StandardCharsets.UTF_8)),
                WireMessage.header(session, type), parent == null ? JsonObject.EMPTY : parent.header(), JsonObject.EMPTY, content));
    }

    /** The iopub thread: sends what is queued until {@link #stop}, then what is still queued. */
    private void publishQueued() {
        try {
            while (running || !published.isEmpty()) {
                WireMessage message = published.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (message != null) {
                    write(iopub, message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(ZMQ.Socket socket, WireMessage message) {
        byte[] header = json(message.header());
        byte[] parent = json(message.parent());
        byte[] metadata = json(message.metadata());
        byte[] content = json(message.content());
        for (byte[] identity : message.identities()) {
            socket.sendMore(identity);
        }
        socket.sendMore(DELIMITER);
        socket.sendMore(signer.sign(header, parent, metadata, content));
        socket.sendMore(header);
        socket.sendMore(parent);
        socket.sendMore(metadata);
        socket.send(content, 0);
    }

    /** The next message on {@code socket}, or empty when none came in time, or it was malformed or wrongly signed. */
    private Optional<WireMessage> read(ZMQ.Socket socket, int flags) {
        byte[] frame = socket.recv(flags);
        if (frame == null) {
            return Optional.empty();
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(frame);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        int delimiter = 0;
        while (delimiter < frames.size() && !Arrays.equals(frames.get(delimiter), DELIMITER)) {
            delimiter++;
        }
        if (frames.size() < delimiter + 6) {
            log.println("nbexport kernel: dropped a message of " + frames.size() + " frames without the protocol's parts");
            return Optional.empty();
        }
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        byte[][] parts = {frames.get(delimiter + 2), frames.get(delimiter + 3), frames.get(delimiter + 4), frames.get(delimiter + 5)};
        if (!signer.verifies(signature, parts)) {
            log.println("nbexport kernel: dropped a message with a wrong signature");
            return Optional.empty();
        }
        try {
            return Optional.of(new WireMessage(frames.subList(0, delimiter), object(parts[0]), object(parts[1]),
                    object(parts[2]), object(parts[3])));
        } catch (JsonParser.SyntaxError | ClassCastException e) {
            log.println("nbexport kernel: dropped a message that is not JSON: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static JsonObject object(byte[] utf8) throws JsonParser.SyntaxError {
        return (JsonObject) JsonParser.parse(utf8);
    }

    private static byte[] json(JsonObject object) {
        return JsonWriter.write(object).getBytes(StandardCharsets.UTF_8);
    }

    /** Ends {@link #serve}: the loops stop within their poll time. */
    public void stop() {
        running = false;
    }

    /** Stops serving, lets the channel threads finish what they handle, and closes the sockets. */
    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            if (t != Thread.currentThread()) {
                try {
                    t.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        context.close();
    }
}
