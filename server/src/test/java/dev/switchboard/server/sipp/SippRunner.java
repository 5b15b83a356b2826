package dev.switchboard.server.sipp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code sipp} against a server: one scenario from {@code src/test/resources/sipp/}, one call, on a
 * free local UDP port of a given loopback address (127.0.0.2 and up let a test play a carrier apart from phones).
 * Scenario variables are passed with {@code -key name value}.
 */
public final class SippRunner {
    /** What a finished sipp run left: its exit code (0 = the call passed) and its error log. */
    public record Result(int exitCode, String errors, String messages) {
        public boolean passed() {
            return exitCode == 0;
        }
    }

    /** A sipp running in the background (a UAS waiting for a call). */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final Path dir;

        Running(Process process, Path dir) {
            this.process = process;
            this.dir = dir;
        }

        /** Waits for it to finish its call. */
        public Result await(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
                return new Result(-100, "sipp did not finish in " + timeout + "\n" + read(dir, "_errors.log"),
                        read(dir, "_messages.log"));
            }
            return new Result(process.exitValue(), read(dir, "_errors.log"), read(dir, "_messages.log"));
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private final String scenario;
    private final String localIp;
    private final int localPort;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, String> template = new LinkedHashMap<>();
    private final List<String> extra = new ArrayList<>();

    private SippRunner(String scenario, String localIp, int localPort) {
        this.scenario = scenario;
        this.localIp = localIp;
        this.localPort = localPort;
    }

    /** A scenario (file name under sipp/) run from {@code localIp} on a free port. */
    public static SippRunner scenario(String name, String localIp) {
        return new SippRunner(name, localIp, freeUdpPort(localIp));
    }

    /** The same, on a given port (to answer on the port a contact registered from). */
    public static SippRunner scenario(String name, String localIp, int localPort) {
        return new SippRunner(name, localIp, localPort);
    }

    public int port() {
        return localPort;
    }

    public SippRunner key(String name, String value) {
        keys.put(name, value);
        return this;
    }

    /**
     * Replaces {@code {{name}}} in the scenario file before sipp reads it: for what sipp keywords cannot carry
     * (a response code to expect, a regular expression to check).
     */
    public SippRunner fill(String name, String value) {
        template.put(name, value);
        return this;
    }

    /** More sipp arguments, such as {@code -au user -ap password}. */
    public SippRunner args(String... args) {
        extra.addAll(List.of(args));
        return this;
    }

    /** Runs one call to {@code host:port} and waits for it. */
    public Result run(String host, int port, Duration timeout) throws IOException, InterruptedException {
        try (Running r = start(host + ":" + port)) {
            return r.await(timeout);
        }
    }

    /** Starts one call to {@code host:port} in the background, for a test to watch while it goes on. */
    public Running call(String host, int port) throws IOException {
        return start(host + ":" + port);
    }

    /** Starts a UAS (no remote) waiting for one call; returns once its port is bound. */
    public Running listen() throws IOException {
        Running running = start(null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!inUse(localIp, localPort)) {
            if (System.nanoTime() > deadline || !running.process.isAlive()) {
                running.close();
                throw new IOException("sipp did not start listening on " + localIp + ":" + localPort + "\n"
                        + read(running.dir, "_stdout.log"));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        return running;
    }

    private static boolean inUse(String ip, int port) {
        try (DatagramSocket s = new DatagramSocket(port, InetAddress.getByName(ip))) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private Running start(String remote) throws IOException {
        Path dir = Files.createTempDirectory("sipp");
        Path file = dir.resolve(scenario);
        try (InputStream in = SippRunner.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario sipp/" + scenario);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            for (Map.Entry<String, String> t : template.entrySet()) {
                text = text.replace("{{" + t.getKey() + "}}", t.getValue());
            }
            Files.writeString(file, text, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        List<String> cmd = new ArrayList<>(List.of("sipp", "-sf", file.toString(), "-i", localIp, "-p",
                Integer.toString(localPort), "-m", "1", "-l", "1", "-nostdin", "-timeout", "60s",
                "-trace_err", "-error_file", dir.resolve("_errors.log").toString(),
                "-trace_msg", "-message_file", dir.resolve("_messages.log").toString(),
                "-mi", localIp, "-mp", Integer.toString(freeUdpPort(localIp) & ~1)));
        keys.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
        cmd.addAll(extra);
        if (remote != null) {
            cmd.add(remote);
        }
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("_stdout.log").toFile()).start();
        return new Running(p, dir);
    }

    private static String read(Path dir, String name) {
        try {
            Path f = dir.resolve(name);
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UDP port free right now on that address. */
    public static int freeUdpPort(String ip) {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName(ip))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
