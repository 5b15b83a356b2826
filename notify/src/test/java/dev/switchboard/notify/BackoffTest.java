package dev.switchboard.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void thirtySecondsDoublingToAnHour() {
        Backoff b = Backoff.DEFAULT;
        assertThat(b.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.after(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(b.after(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(b.after(7)).isEqualTo(Duration.ofSeconds(1920));
        assertThat(b.after(8)).isEqualTo(Duration.ofHours(1));
        assertThat(b.after(500)).isEqualTo(Duration.ofHours(1));
        assertThat(b.giveUpAfter()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void fromTheEnvironmentInSeconds() {
        Backoff b = Backoff.fromEnvironment(Map.of("SWITCHBOARD_SMTP_RETRY_FIRST", "5",
                "SWITCHBOARD_SMTP_RETRY_LONGEST", "12", "SWITCHBOARD_SMTP_GIVE_UP_AFTER", "60"));
        assertThat(b.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(b.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(b.after(3)).isEqualTo(Duration.ofSeconds(12));
        assertThat(b.giveUpAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> Backoff.fromEnvironment(Map.of("SWITCHBOARD_SMTP_RETRY_FIRST", "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void smtpDefaultsFollowTheSecurity() {
        assertThat(SmtpConfig.fromEnvironment(Map.of()).configured()).isFalse();
        SmtpConfig plain = SmtpConfig.fromEnvironment(Map.of("SWITCHBOARD_SMTP_HOST", "relay"));
        assertThat(plain.security()).isEqualTo(SmtpConfig.Security.NONE);
        assertThat(plain.port()).isEqualTo(25);
        assertThat(plain.from()).isEqualTo(SmtpConfig.DEFAULT_FROM);
        SmtpConfig submission = SmtpConfig.fromEnvironment(Map.of("SWITCHBOARD_SMTP_HOST", "mail.example.com",
                "SWITCHBOARD_SMTP_USER", "pbx", "SWITCHBOARD_SMTP_PASSWORD", "secret"));
        assertThat(submission.security()).as("credentials are not sent in clear").isEqualTo(SmtpConfig.Security.STARTTLS);
        assertThat(submission.port()).isEqualTo(587);
        assertThat(submission.toString()).doesNotContain("secret");
        SmtpConfig smtps = SmtpConfig.fromEnvironment(Map.of("SWITCHBOARD_SMTP_HOST", "h", "SWITCHBOARD_SMTP_TLS", "tls",
                "SWITCHBOARD_SMTP_FROM", "pbx@example.com"));
        assertThat(smtps.port()).isEqualTo(465);
        assertThat(smtps.from()).isEqualTo("pbx@example.com");
        assertThatThrownBy(() -> SmtpConfig.fromEnvironment(Map.of("SWITCHBOARD_SMTP_TLS", "maybe")))
                .hasMessageContaining("none, starttls or tls");
    }
}
