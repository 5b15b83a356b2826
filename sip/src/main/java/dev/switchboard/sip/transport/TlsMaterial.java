package dev.switchboard.sip.transport;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * TLS contexts for SIP over TLS: the server's certificate from PEM files, or a self-signed one made by the JDK's own
 * {@code keytool} (the JDK has no public API to issue a certificate, and BouncyCastle is not worth a dependency for a
 * demo certificate). Outgoing TLS does not verify the peer: carriers and phones commonly present self-signed
 * certificates, and authentication happens at the SIP layer (digest, source address).
 */
final class TlsMaterial {
    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);

    private TlsMaterial() {}

    static SslContext server(Path certificate, Path privateKey, String hostName) throws IOException {
        try {
            if (certificate != null && privateKey != null) {
                return SslContextBuilder.forServer(certificate.toFile(), privateKey.toFile()).build();
            }
            return SslContextBuilder.forServer(selfSigned(hostName)).build();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    static SslContext client() throws IOException {
        return SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
    }

    /** A key manager over a fresh self-signed EC certificate for {@code hostName}, valid ten years. */
    private static KeyManagerFactory selfSigned(String hostName) throws IOException, GeneralSecurityException {
        Path dir = Files.createTempDirectory("switchboard-tls");
        Path store = dir.resolve("self-signed.p12");
        byte[] pw = new byte[12];
        new SecureRandom().nextBytes(pw);
        String password = HexFormat.of().formatHex(pw);
        String san = hostName.matches("[0-9.]+") ? "ip:" + hostName : "dns:" + hostName.replaceAll("[\\[\\]]", "");
        if (hostName.startsWith("[")) san = "ip:" + hostName.substring(1, hostName.length() - 1);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", "sip", "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=" + hostName.replaceAll("[\\[\\]]", ""),
                "-ext", "SAN=" + san, "-validity", "3650", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", password, "-keypass", password);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0)
                throw new IOException("keytool failed to make a self-signed certificate: " + output);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, password.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password.toCharArray());
            LOG.info("TLS uses a generated self-signed certificate for {}", hostName);
            return kmf;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a certificate", e);
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
    }
}
