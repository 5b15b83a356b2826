package dev.switchboard.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
    @TempDir
    Path operator;

    private static final Map<String, String> MISSED = Map.of("caller", "Ann <Lee> (+15555550100)", "to", "1000",
            "date", "2026-11-25 10:00:00 EST", "call_answered", "no", "voicemail_left", "no", "call_id", "c-1");

    @Test
    void theShippedMissedCallTemplateSaysWhoCalledWhenAndWhere() {
        RenderedEmail email = new Templates(operator).render("missed_call_alert", MISSED);
        assertThat(email.subject()).isEqualTo("Missed call from Ann <Lee> (+15555550100)");
        assertThat(email.text()).contains("From: Ann <Lee> (+15555550100)\n", "To: 1000\n",
                "When: 2026-11-25 10:00:00 EST\n", "Call answered: no\n", "Call-ID: c-1\n");
        assertThat(email.html()).contains("Missed call from <b>Ann &lt;Lee&gt; (+15555550100)</b>")
                .doesNotContain("<Lee>");
    }

    @Test
    void everyShippedTemplateHasASubjectAndABody() {
        for (String name : new String[] {"voicemail_to_email", "voicemail_full", "missed_call_alert", "notification",
                "fax_to_email"}) {
            RenderedEmail email = new Templates(operator).render(name, Map.of());
            assertThat(email.subject()).as(name).doesNotContain("{{");
            assertThat(email.text()).as(name).isNotBlank().doesNotContain("{{");
        }
    }

    @Test
    void anOperatorsFileWinsOverTheShippedOneAndIsReadAtEveryUse() throws Exception {
        Files.writeString(operator.resolve("missed_call_alert.subject.txt"), "Ring from {{ caller }} to {{to}}");
        assertThat(new Templates(operator).render("missed_call_alert", MISSED).subject())
                .isEqualTo("Ring from Ann <Lee> (+15555550100) to 1000");
        Files.writeString(operator.resolve("missed_call_alert.subject.txt"), "Changed: {{unknown}}!");
        Templates templates = new Templates(operator);
        assertThat(templates.render("missed_call_alert", MISSED).subject()).isEqualTo("Changed: !");
        assertThat(templates.render("missed_call_alert", MISSED).text()).as("the body is still the shipped one")
                .contains("Call-ID: c-1");
    }

    @Test
    void aValueCannotAddALineToTheSubject() {
        RenderedEmail email = new Templates(operator).render("missed_call_alert",
                Map.of("caller", "Eve\r\nBcc: victim@example.com"));
        assertThat(email.subject()).isEqualTo("Missed call from Eve Bcc: victim@example.com").doesNotContain("\n");
    }

    @Test
    void placeholderLookalikesAndReplacementCharactersAreKeptAsText() {
        assertThat(TemplateRenderer.render("{{a}} {b} {{ b }} {{c", Map.of("a", "$1\\x", "b", "&"),
                TemplateRenderer.Escaping.TEXT)).isEqualTo("$1\\x {b} & {{c");
        assertThat(TemplateRenderer.render("<p>{{a}}</p>", Map.of("a", "\"'&"), TemplateRenderer.Escaping.HTML))
                .isEqualTo("<p>&quot;&#39;&amp;</p>");
    }

    @Test
    void anUnknownOrUnsafeTemplateNameIsRefused() {
        assertThatThrownBy(() -> new Templates(operator).render("nope", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.subject.txt");
        assertThatThrownBy(() -> new Templates(operator).render("../etc/passwd", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
