package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.AccountDocuments;
import dev.switchboard.core.engine.ActionRegistry;
import dev.switchboard.core.engine.CallRunner;
import dev.switchboard.core.engine.Notice;
import dev.switchboard.core.engine.Presence;
import dev.switchboard.core.engine.Services;
import dev.switchboard.core.engine.Trace;
import dev.switchboard.core.engine.WebClient;
import dev.switchboard.core.routing.Router;
import dev.switchboard.core.sim.CallerScript;
import dev.switchboard.core.sim.EndpointBehaviours;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.SimulatedCall;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message is durable before anyone hears of it: its audio is written, then its document, and only then is the
 * owner told (MWI and e-mail), every write going straight to the account's documents.
 */
class VoicemailWriteOrderTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();
    private final List<String> log = new ArrayList<>();

    @Test
    void audioThenDocumentThenNotice() {
        docs.add("user", "ann", """
                {"first_name":"Ann","email":"ann@example.com"}""");
        docs.add("vmbox", "box1", """
                {"name":"Ann","mailbox":"1001","pin":"1234","owner_id":"ann","is_setup":true}""");
        Notice[] sent = new Notice[1];
        Presence presence = new Presence() {
            @Override
            public void update(String presenceId, String state) {
            }

            @Override
            public void messageWaiting(String accountId, String vmboxId, int newMessages, int savedMessages) {
                log.add("mwi:" + vmboxId + ":" + newMessages);
            }
        };
        Services services = new Services(notice -> {
            sent[0] = notice;
            log.add("notice:" + notice.template());
        }, (method, url, headers, body) -> new WebClient.Response(404, "text/plain", ""), presence,
                accountId -> List.of());
        CallInfo info = new CallInfo("call-1", docs.accountId(), "1001", new Party("+15555550100", "Bo"), null, null,
                true);
        SimulatedCall call = new SimulatedCall(info, Instant.parse("2026-11-25T15:00:00Z"),
                CallerScript.parse(Json.parse("[{\"wait_ms\":12000},{\"hangup\":true}]")),
                new EndpointBehaviours(Map.of()), "en-us");

        new CallRunner(ActionRegistry.load(), new Router()).run(new Trace(), call, new Logged(docs), services,
                (ObjectNode) Json.parse("{\"module\":\"voicemail\",\"data\":{\"id\":\"box1\"}}"));

        String id = sent[0].values().get("message_id");
        assertThat(log).containsExactly("attachment:" + id + "/audio", "save:mailbox_message:" + id, "mwi:box1:1",
                "notice:voicemail_to_email");
        assertThat(sent[0].attachments()).singleElement().isEqualTo(
                new Notice.Stored("voicemail-" + id + ".wav", docs.accountId(), id, "audio"));
    }

    /** The test's documents, noting each write in the log. */
    private final class Logged implements AccountDocuments {
        private final MemoryDocuments inner;

        Logged(MemoryDocuments inner) {
            this.inner = inner;
        }

        @Override
        public String accountId() {
            return inner.accountId();
        }

        @Override
        public Document account() {
            return inner.account();
        }

        @Override
        public Optional<Document> get(String id) {
            return inner.get(id);
        }

        @Override
        public List<Document> find(String index, String key) {
            return inner.find(index, key);
        }

        @Override
        public List<Document> ofType(String type) {
            return inner.ofType(type);
        }

        @Override
        public Document save(String type, String id, ObjectNode body) {
            log.add("save:" + type + ":" + id);
            return inner.save(type, id, body);
        }

        @Override
        public void putAttachment(String docId, String name, String contentType, byte[] bytes) {
            log.add("attachment:" + docId + "/" + name);
            inner.putAttachment(docId, name, contentType, bytes);
        }

        @Override
        public Optional<AttachmentStore.Attachment> attachment(String docId, String name) {
            return inner.attachment(docId, name);
        }
    }
}
