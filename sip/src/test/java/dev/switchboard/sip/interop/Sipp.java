package dev.switchboard.sip.interop;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code sipp} command (Debian package sip-tester, installed by {@code bin/switchboard test}) on a free port.
 */
final class Sipp {
    /** A finished or running sipp. */
    record Run(Process process, Path outputFile, int port) {
        int await(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("sipp did not finish in " + seconds + " s:\n" + output());
            }
            return process.exitValue();
        }

        String output() {
            try {
                return Files.readString(outputFile);
            } catch (IOException e) {
                return "(no output: " + e + ")";
            }
        }
    }

    private Sipp() {}

    /** A port free for the transport right now (bound and released; sipp may still lose a race for it). */
    static int freePort(boolean tcp) throws IOException {
        if (tcp) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    /**
     * Runs sipp to its end and returns the finished run; started again on another port when the free port chosen was
     * taken by someone else in between (sipp then fails to bind at once).
     */
    static Run runToEnd(boolean tcp, List<String> args, long seconds) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Run run = start(tcp, args);
            int exit = run.await(seconds);
            String output = run.output().toLowerCase(java.util.Locale.ROOT);
            boolean lostThePort = exit != 0 && (output.contains("address already in use") || output.contains("bind"));
            if (!lostThePort || attempt == 3) return run;
        }
    }

    /**
     * Starts sipp on a free local port with {@code args} after the common ones ({@code -i 127.0.0.1 -p PORT -t u1|t1
     * -nostdin -m 1}); the scenario arguments come from the caller.
     */
    static Run start(boolean tcp, List<String> args) throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/sipp"))) {
            throw new AssertionError("sipp is missing: bin/switchboard test installs it (apt-get install sip-tester)");
        }
        int port = freePort(tcp);
        List<String> command = new ArrayList<>(List.of("sipp", "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-t", tcp ? "t1" : "u1", "-nostdin", "-m", "1", "-timeout", "60s", "-timeout_error"));
        command.addAll(args);
        Path output = Files.createTempFile("sipp", ".log");
        output.toFile().deleteOnExit();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .directory(output.getParent().toFile()).start();
        return new Run(p, output, port);
    }
}
