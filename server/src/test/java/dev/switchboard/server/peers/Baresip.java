package dev.switchboard.server.peers;

import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A baresip softphone (Debian package {@code baresip}) run headless in a folder of its own: it sends a WAV file as its
 * microphone ({@code aufile}), writes what it hears to WAV ({@code sndfile}: {@code dump-…-dec.wav} per call) and is
 * driven over its {@code ctrl_tcp} socket, whose netstring JSON carries commands (dial, hangup, sndcode) and events
 * (REGISTER_OK, CALL_ESTABLISHED, CALL_CLOSED…).
 */
final class Baresip implements AutoCloseable {
    static final Path MODULES = Path.of("/usr/lib/baresip/modules");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A SIP account of the phone: the device's credentials, and the server every request goes to. */
    record Account(String user, String password, String realm, String server) {
        String line() {
            return "<sip:" + user + "@" + realm + ";transport=udp>;auth_pass=" + password
                    + ";outbound=\"sip:" + server + ";transport=udp\";regint=600;mwi=no;answermode=auto"
                    + ";audio_codecs=PCMU/8000/1,PCMA/8000/1";
        }
    }

    private final Path dir;
    private final Process process;
    private final Socket control;
    private final OutputStream commands;
    private final List<JsonNode> events = new ArrayList<>();
    private final Map<String, CompletableFuture<JsonNode>> responses = new ConcurrentHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private volatile RuntimeException unreadable;
    private final Set<String> earlierRecordings = ConcurrentHashMap.newKeySet();

    private Baresip(Path dir, Process process, Socket control) throws IOException {
        this.dir = dir;
        this.process = process;
        this.control = control;
        this.commands = control.getOutputStream();
        Thread.ofVirtual().name("baresip-events-" + dir.getFileName()).start(this::readMessages);
    }

    /** Starts baresip in {@code dir} with one account, sending {@code microphone} (8 kHz mono 16-bit WAV). */
    static Baresip start(Path dir, Account account, Path microphone) throws IOException {
        Files.createDirectories(dir.resolve("heard"));
        // no account at start: it is added once the control socket is connected, so its REGISTER_OK cannot come
        // before anyone listens
        Files.writeString(dir.resolve("accounts"), "");
        BindException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int controlPort = freePort();
            Files.writeString(dir.resolve("config"), config(dir, microphone, controlPort));
            Process process = new ProcessBuilder("baresip", "-s", "-f", dir.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("baresip.log").toFile())
                    .start();
            Baresip phone;
            try {
                phone = new Baresip(dir, process, connect(process, controlPort, dir));
            } catch (BindException e) {
                // another process took the control port between our probe and baresip's bind: try another
                process.destroyForcibly();
                last = e;
                continue;
            }
            try {
                phone.command("uanew", account.line());
            } catch (RuntimeException e) {
                phone.close();
                throw e;
            }
            return phone;
        }
        throw last;
    }

    private static String config(Path dir, Path microphone, int controlPort) {
        return String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:0",
                "audio_source aufile," + microphone.toAbsolutePath(),
                "ausrc_srate 8000",
                "ausrc_channels 1",
                "module_path " + MODULES,
                "module g711.so",
                "module aufile.so",
                "module sndfile.so",
                "module_app account.so",
                "module_app menu.so",
                "module_app ctrl_tcp.so",
                "snd_path " + dir.resolve("heard").toAbsolutePath(),
                "ctrl_tcp_listen 127.0.0.1:" + controlPort,
                "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static Socket connect(Process process, int port, Path dir) throws IOException {
        Optional<Socket> socket;
        try {
            socket = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                    .ignoreExceptionsInstanceOf(ConnectException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("baresip exited (" + process.exitValue() + "): " + log(dir));
                        }
                        if (log(dir).contains("ctrl_tcp: failed to listen")) {
                            return Optional.<Socket>empty();
                        }
                        Socket connected = new Socket();
                        connected.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                        return Optional.of(connected);
                    }, s -> s.isPresent() || log(dir).contains("ctrl_tcp: failed to listen"));
        } catch (ConditionTimeoutException e) {
            throw new IOException("baresip's control port " + port + " did not open: " + log(dir), e);
        }
        return socket.orElseThrow(() -> new BindException("baresip could not listen on control port " + port));
    }

    static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("baresip.log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** baresip's output, and why its control messages stopped being read if they did. */
    String log() {
        return log(dir) + (unreadable == null ? "" : "\ncontrol socket unreadable: " + unreadable);
    }

    /** Runs a command and waits for its answer; a refused command fails the test with baresip's reason. */
    JsonNode command(String name, String params) {
        String token = "t" + tokens.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        responses.put(token, answer);
        ObjectNode message = Json.object().put("command", name).put("params", params).put("token", token);
        byte[] json = Json.bytes(message);
        try {
            synchronized (commands) {
                commands.write((json.length + ":").getBytes(StandardCharsets.US_ASCII));
                commands.write(json);
                commands.write(',');
                commands.flush();
            }
            JsonNode response = answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (!response.path("ok").asBoolean(false)) {
                throw new IllegalStateException("baresip refused " + name + " " + params + ": " + response);
            }
            return response;
        } catch (Exception e) {
            throw new IllegalStateException("baresip command " + name + " failed; log: " + log(), e);
        } finally {
            responses.remove(token);
        }
    }

    /** Places a call; what {@link #heard} returns from now on is this call's audio. */
    void dial(String uri) {
        forgetEarlierRecordings();
        command("dial", uri);
    }

    /** Sends keys as RFC 4733 telephone-events on the current call. */
    void sendDigits(String digits) {
        command("sndcode", digits);
    }

    void hangup() {
        command("hangup", null);
    }

    /** Waits for the next event of this type not awaited before, and takes it. */
    JsonNode awaitEvent(String type) {
        try {
            return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                    .until(() -> take(type), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            synchronized (events) {
                throw new AssertionError("no " + type + " event from baresip in " + PATIENCE.toSeconds()
                        + " s; other events: " + events + "\nlog:\n" + log(), e);
            }
        }
    }

    private Optional<JsonNode> take(String type) {
        synchronized (events) {
            for (int i = 0; i < events.size(); i++) {
                if (type.equals(events.get(i).path("type").asString(""))) {
                    return Optional.of(events.remove(i));
                }
            }
            return Optional.empty();
        }
    }

    boolean sawEvent(String type) {
        synchronized (events) {
            return events.stream().anyMatch(e -> type.equals(e.path("type").asString("")));
        }
    }

    /** What baresip heard on the call since the last dial, once the call is over and sndfile has closed the file. */
    RecordedAudio heard() throws IOException {
        Path file = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .alias("a finished recording in " + dir.resolve("heard"))
                .until(this::currentRecording, f -> f.isPresent() && complete(f.get())).orElseThrow();
        return RecordedAudio.read(file);
    }

    /**
     * Waits until what baresip has heard so far on the current call satisfies {@code enough}: sndfile writes samples
     * as they come and the sizes in the header only at the end, and the WAV reader takes what is there.
     */
    RecordedAudio awaitHeard(String what, Predicate<RecordedAudio> enough) {
        try {
            return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                    .until(this::heardSoFar, enough::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("baresip in " + dir.getFileName() + " did not hear " + what + " within "
                    + PATIENCE.toSeconds() + " s; it heard " + heardSoFar() + "\nlog:\n" + log(), e);
        }
    }

    private RecordedAudio heardSoFar() {
        try {
            Optional<Path> file = currentRecording();
            if (file.isPresent() && Files.size(file.get()) > 1024) {
                return RecordedAudio.read(file.get());
            }
        } catch (IOException notYet) {
            // the file is being created: nothing heard yet
        }
        return new RecordedAudio(new short[0]);
    }

    /** The newest received-audio recording that did not exist when the current call began. */
    private Optional<Path> currentRecording() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("heard"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-dec.wav"))
                    .filter(f -> !earlierRecordings.contains(f.getFileName().toString()))
                    .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        }
    }

    private void forgetEarlierRecordings() {
        try (Stream<Path> files = Files.list(dir.resolve("heard"))) {
            files.forEach(f -> earlierRecordings.add(f.getFileName().toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean complete(Path wav) {
        try {
            return RecordedAudio.complete(Files.readAllBytes(wav));
        } catch (IOException e) {
            return false;
        }
    }

    private void readMessages() {
        try (InputStream in = new BufferedInputStream(control.getInputStream())) {
            while (true) {
                byte[] message = readNetstring(in);
                if (message == null) {
                    return;
                }
                JsonNode json = Json.parse(message);
                if (json.path("response").asBoolean(false)) {
                    CompletableFuture<JsonNode> waiting = responses.get(json.path("token").asString(""));
                    if (waiting != null) {
                        waiting.complete(json);
                    }
                } else if (json.path("event").asBoolean(false)) {
                    synchronized (events) {
                        events.add(json);
                    }
                }
            }
        } catch (IOException closed) {
            // the phone stopped: close() or a crash, which the awaited events will show
        } catch (RuntimeException e) {
            unreadable = e;
        }
    }

    private static byte[] readNetstring(InputStream in) throws IOException {
        int length = 0;
        int c;
        while ((c = in.read()) != ':') {
            if (c < 0) {
                return null;
            }
            if (c < '0' || c > '9') {
                throw new IOException("not a netstring length: " + (char) c);
            }
            length = length * 10 + (c - '0');
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length || in.read() != ',') {
            throw new IOException("truncated netstring");
        }
        return body;
    }

    @Override
    public void close() throws IOException {
        try {
            control.close();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
