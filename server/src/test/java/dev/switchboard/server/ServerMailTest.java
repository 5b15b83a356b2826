package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.switchboard.core.engine.Notice;

/** The server's notifier is the SMTP mailer its environment describes. */
class ServerMailTest {

    @Test
    void anEMailSentThroughTheServerReachesTheConfiguredSmtpServer(@TempDir Path data) throws Exception {
        ServerSetup setup = ServerSetupTest.SMTP.dynamicPort();
        setup.setServerStartupTimeout(30_000);
        GreenMail smtp = new GreenMail(setup);
        smtp.start();
        try {
            ServerConfig config = ServerConfig.fromEnvironment(Map.of("SWITCHBOARD_DATA", data.toString(),
                    "SWITCHBOARD_HTTP_PORT", "0", "SWITCHBOARD_SMTP_HOST", "127.0.0.1",
                    "SWITCHBOARD_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                    "SWITCHBOARD_SMTP_FROM", "pbx@demo.test"));
            assertThat(config.voicemail().templates()).isEqualTo(data.resolve("templates"));
            try (Server server = Server.start(config)) {
                server.notifier().send(new Notice("voicemail_full", List.of("ann@example.com"),
                        Map.of("mailbox", "1001", "message_count", "100", "max_message_count", "100")));
                assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
            }
            assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Voicemail box 1001 is full");
            assertThat(smtp.getReceivedMessages()[0].getFrom()[0].toString()).isEqualTo("pbx@demo.test");
        } finally {
            smtp.stop();
        }
    }
}
