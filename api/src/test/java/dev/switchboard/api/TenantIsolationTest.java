package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.cdr.CallRecord;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.registration.Binding;
import tools.jackson.databind.node.ObjectNode;

/**
 * Account B's admin tries every account-scoped route against sibling A, A's child and their parent: each answer is
 * 403 or 404, none carries their data, and nothing of theirs changes. Parents still reach their descendants.
 */
class TenantIsolationTest {
    private static final String SECRET = "secret-of-a";
    private static final String CDR_OF_A = "cdr-of-a";
    private static final String CALL_OF_A = "call-of-a";
    private static ApiHarness api;
    private static Document accountA;
    private static Document childOfA;
    private static Document accountB;
    private static final Map<DocumentKind, Document> docsOfA = new EnumMap<>(DocumentKind.class);

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        accountA = api.subAccount(api.root, "tenant-a");
        childOfA = api.subAccount(accountA, "tenant-a-child");
        accountB = api.subAccount(api.root, "tenant-b");
        for (DocumentKind kind : DocumentKind.values()) {
            if (kind != DocumentKind.ACCOUNT) {
                ObjectNode body = Json.object().put("name", SECRET);
                docsOfA.put(kind, api.store().create(accountA.id(), kind.type(), null, body));
            }
        }
        Document box = docsOfA.get(DocumentKind.VMBOX);
        Document message = docsOfA.get(DocumentKind.MAILBOX_MESSAGE);
        api.store().update(accountA.id(), message.id(), null,
                Json.object().put("name", SECRET).put("source_id", box.id()).put("folder", "new"));
        Document list = docsOfA.get(DocumentKind.LIST);
        Document entry = docsOfA.get(DocumentKind.LIST_ENTRY);
        api.store().update(accountA.id(), entry.id(), null, Json.object().put("name", SECRET).put("list_id", list.id()));
        api.store().putAttachment(accountA.id(), docsOfA.get(DocumentKind.MEDIA).id(), "audio", "audio/wav",
                SECRET.getBytes());
        Instant start = Instant.parse("2026-11-20T09:00:00Z");
        api.store().callRecords().save(new CallRecord(CDR_OF_A, accountA.id(), CALL_OF_A, "+15550000100", SECRET,
                "2000", start, start, start.plusSeconds(5), "NORMAL_CLEARING", null, "inbound"),
                Json.object().put("callflow_id", SECRET));
        api.store().bindings().put(new Binding(accountA.id(), docsOfA.get(DocumentKind.DEVICE).id(),
                "sip:a@10.0.0.1", "udp", "10.0.0.1", 5060, null, start.plusSeconds(3_000_000_000L), "c", 1, SECRET));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void anotherTenantGetsNothingFromAnyRoute() {
        String tokenB = api.login("admin", "pw-tenant-b", "tenant-b");
        List<String> tried = new ArrayList<>();
        for (Document target : List.of(accountA, childOfA, api.root)) {
            for (Route route : api.server().routes()) {
                if (route.access() != Route.Access.ACCOUNT) {
                    continue;
                }
                String path = concretePath(route.path(), target);
                ObjectNode body = ApiHarness.envelope(Json.object().put("name", "hijacked").put("folder", "saved"));
                ApiHarness.Response r = api.send(route.method().name(), path, tokenB, body);
                tried.add(route.method() + " " + path);
                assertThat(r.status()).as(route.method() + " " + path).isIn(403, 404);
                assertThat(new String(r.raw())).as(route.method() + " " + path).doesNotContain(SECRET);
            }
        }
        assertThat(tried).hasSizeGreaterThan(150);
        for (Document doc : docsOfA.values()) {
            Document now = api.store().get(accountA.id(), doc.id()).orElseThrow();
            assertThat(now.deleted()).isFalse();
            assertThat(now.body().path("name").asString()).isEqualTo(SECRET);
        }
        assertThat(api.store().get(accountA.id(), accountA.id()).orElseThrow().rev()).isEqualTo(accountA.rev());
    }

    @Test
    void aChildCannotReachItsParentNorASibling() {
        String tokenChild = api.login("admin", "pw-tenant-a-child", "tenant-a-child");
        assertThat(api.get(tokenChild, "/v2/accounts/" + accountA.id()).status()).isEqualTo(403);
        assertThat(api.get(tokenChild, "/v2/accounts/" + api.root.id() + "/callflows").status()).isEqualTo(403);
        assertThat(api.get(tokenChild, "/v2/accounts/" + accountB.id() + "/users").status()).isEqualTo(403);
        assertThat(api.get(tokenChild, "/v2/accounts/" + childOfA.id()).status()).isEqualTo(200);
    }

    @Test
    void aParentManagesItsDescendants() {
        String tokenA = api.login("admin", "pw-tenant-a", "tenant-a");
        assertThat(api.get(tokenA, "/v2/accounts/" + childOfA.id() + "/users").status()).isEqualTo(200);
        assertThat(api.get(api.rootToken, "/v2/accounts/" + childOfA.id()).status()).isEqualTo(200);
        var descendants = api.get(api.rootToken, "/v2/accounts/" + api.root.id() + "/descendants").data();
        assertThat(descendants.toString()).contains(accountA.id(), childOfA.id(), accountB.id());
        var children = api.get(tokenA, "/v2/accounts/" + accountA.id() + "/children").data();
        assertThat(children.toString()).contains(childOfA.id()).doesNotContain(accountB.id());
    }

    @Test
    void anAccountCannotDeleteItselfOrAParentWithChildren() {
        String tokenA = api.login("admin", "pw-tenant-a", "tenant-a");
        assertThat(api.delete(tokenA, "/v2/accounts/" + accountA.id()).status()).isEqualTo(403);
        assertThat(api.delete(api.rootToken, "/v2/accounts/" + accountA.id()).status()).isEqualTo(400);
    }

    private static String concretePath(String template, Document account) {
        String collection = template.replaceAll("^/v2/accounts/\\{account_id}/?([a-z_]*).*$", "$1");
        DocumentKind kind = java.util.Arrays.stream(DocumentKind.values())
                .filter(k -> k.collection().equals(collection)).findFirst().orElse(DocumentKind.CALLFLOW);
        String id = docsOfA.getOrDefault(kind, docsOfA.get(DocumentKind.CALLFLOW)).id();
        return template.replace("{account_id}", account.id())
                .replace("{id}", id)
                .replace("{message_id}", docsOfA.get(DocumentKind.MAILBOX_MESSAGE).id())
                .replace("{entry_id}", docsOfA.get(DocumentKind.LIST_ENTRY).id())
                .replace("{cdr_id}", CDR_OF_A)
                .replace("{call_id}", CALL_OF_A);
    }
}
