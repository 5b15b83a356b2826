package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every plain collection over real HTTP: the whole life of a document, then each class of error, each answered in
 * the envelope with nothing stored. The sample documents are the smallest the schema files accept.
 */
class CollectionsApiTest {
    private static final AtomicInteger SERIAL = new AtomicInteger(100);
    private static ApiHarness api;
    private static String account;
    private static String userToken;

    /**
     * One collection's test data.
     *
     * @param minimal      the smallest valid document, unique per serial number where the kind demands it
     * @param defaultPath  a dotted field the schema fills in when omitted, with {@code defaultValue}; null if none
     * @param required     a required field to leave out, or null when the schema requires nothing
     * @param wrongType    a field and a value of the wrong type for it
     * @param badEnum      a dotted field with an enum and a value outside it, or null when the kind has none
     * @param rowKeys      what each listing row carries besides {@code id}
     */
    record Sample(DocumentKind kind, IntFunction<ObjectNode> minimal, String defaultPath, Object defaultValue,
                  String required, String wrongTypeField, Object wrongTypeValue, String badEnum, String badEnumValue,
                  List<String> rowKeys) {
        ObjectNode document() {
            return minimal.apply(SERIAL.incrementAndGet());
        }

        String base() {
            return "/v2/accounts/" + account + "/" + kind.collection();
        }

        @Override
        public String toString() {
            return kind.collection();
        }
    }

    static Stream<Sample> samples() {
        return Stream.of(
                new Sample(DocumentKind.CALLFLOW, n -> {
                    ObjectNode cf = Json.object().put("name", "cf " + n);
                    cf.putArray("numbers").add(Integer.toString(30000 + n));
                    cf.putObject("flow").put("module", "answer").putObject("data");
                    return cf;
                }, "patterns", List.of(), "flow", "name", 5, "metaflow.listen_on", "everyone",
                        List.of("name", "numbers", "patterns", "featurecode", "modules")),
                new Sample(DocumentKind.USER, n -> Json.object().put("first_name", "First" + n).put("last_name", "Last"),
                        "vm_to_email_enabled", true, "first_name", "first_name", 5, "priv_level", "boss",
                        List.of("first_name", "last_name", "priv_level", "enabled")),
                new Sample(DocumentKind.DEVICE, n -> {
                    ObjectNode device = Json.object().put("name", "phone " + n);
                    device.putObject("sip").put("username", "phone" + n).put("password", "pw-" + n);
                    return device;
                }, "sip.invite_format", "contact", "name", "enabled", "yes", "sip.method", "telepathy",
                        List.of("name", "enabled", "username")),
                new Sample(DocumentKind.VMBOX, n -> Json.object().put("name", "box " + n).put("mailbox", "5" + n),
                        "media_extension", "mp3", "mailbox", "name", 5, "media_extension", "flac",
                        List.of("name", "mailbox", "messages")),
                new Sample(DocumentKind.MEDIA, n -> Json.object().put("name", "media " + n).put("media_source", "upload"),
                        "language", "en-us", "name", "streamable", "yes", "media_source", "fax",
                        List.of("name", "media_source", "language", "is_prompt")),
                new Sample(DocumentKind.MENU, n -> Json.object().put("name", "menu " + n),
                        "retries", 3, "name", "retries", "three", null, null, List.of("name")),
                new Sample(DocumentKind.TEMPORAL_RULE, n -> {
                    ObjectNode rule = Json.object().put("name", "rule " + n).put("cycle", "weekly");
                    rule.putArray("wdays").add("monday");
                    return rule;
                }, "interval", 1, "cycle", "interval", "often", "cycle", "hourly", List.of("name")),
                new Sample(DocumentKind.TEMPORAL_RULE_SET, n -> {
                    ObjectNode set = Json.object().put("name", "set " + n);
                    set.putArray("temporal_rules").add("rule" + n);
                    return set;
                }, null, null, "name", "temporal_rules", "rule", null, null, List.of("name", "rules")),
                new Sample(DocumentKind.GROUP, n -> Json.object().put("name", "group " + n),
                        "endpoints", Map.of(), "name", "endpoints", "everyone", "endpoints.u1.type", "phone",
                        List.of("name", "endpoints", "features")),
                new Sample(DocumentKind.CONFERENCE, n -> Json.object().put("name", "room " + n),
                        "member.join_muted", true, null, "max_participants", "many", null, null, List.of("name")),
                new Sample(DocumentKind.DIRECTORY, n -> Json.object().put("name", "directory " + n),
                        "sort_by", "last_name", "name", "min_dtmf", "three", "sort_by", "age", List.of("name")),
                new Sample(DocumentKind.FAXBOX, n -> Json.object().put("name", "faxbox " + n),
                        "caller_name", "Kazoo Fax Printer", "name", "retries", "once",
                        "notifications.inbound.callback.method", "put", List.of("name")),
                new Sample(DocumentKind.LIST, n -> Json.object().put("name", "list " + n),
                        null, null, "name", "length", "long", null, null, List.of("name")),
                new Sample(DocumentKind.RESOURCE, n -> Json.object().put("name", "carrier " + n),
                        "weight_cost", 50, "name", "enabled", "yes", "caller_id_options.type", "secret", List.of("name")),
                new Sample(DocumentKind.WEBHOOK, n -> Json.object().put("name", "hook " + n)
                        .put("uri", "https://hooks.example.com/" + n).put("hook", "channel_create"),
                        "http_verb", "post", "uri", "retries", "twice", "hook", "telepathy", List.of("name")),
                new Sample(DocumentKind.PHONE_NUMBER, n -> Json.object().put("number", "+1415555" + (1000 + n)),
                        null, null, "number", "number", 4155551000L, "state", "lost", List.of("number")));
    }

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        account = api.root.id();
        api.createUser(account, "plain", "pw-plain", false);
        userToken = api.login("plain", "pw-plain", "root");
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void everyPlainCollectionIsSampled() {
        assertThat(samples().map(Sample::kind)).containsExactlyInAnyOrderElementsOf(CollectionResource.COLLECTIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aDocumentLivesItsWholeLife(Sample s) {
        String tag = "life-" + s.kind().type();
        ObjectNode doc = s.document().put("note", tag).put("pvt_x", "sneaky").put("_rev", "9-forged");
        ApiHarness.Response created = api.put(api.rootToken, s.base(), doc);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        String item = s.base() + "/" + id;
        assertThat(created.header("Location")).isEqualTo(item);
        assertThat(created.body().get("revision").asString()).startsWith("1-");
        assertThat(created.header("ETag")).isEqualTo('"' + created.body().get("revision").asString() + '"');
        assertThat(created.data().get("note").asString()).isEqualTo(tag);
        if (s.defaultPath() != null) {
            assertThat(at(created.data(), s.defaultPath())).as("default of " + s.defaultPath())
                    .isEqualTo(Json.MAPPER.valueToTree(s.defaultValue()));
        }
        assertNoPrivateFields(created.data());
        Document stored = api.store().get(account, id).orElseThrow();
        assertThat(stored.body().has("pvt_x")).isFalse();
        assertThat(stored.rev()).startsWith("1-");

        ApiHarness.Response read = api.get(api.rootToken, item);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data().get("id").asString()).isEqualTo(id);
        assertThat(read.data().get("note").asString()).isEqualTo(tag);
        assertThat(read.body().get("revision").asString()).isEqualTo(created.body().get("revision").asString());
        assertNoPrivateFields(read.data());

        ApiHarness.Response listed = api.get(api.rootToken, s.base() + "?filter_note=" + tag);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.data()).hasSize(1);
        JsonNode row = listed.data().get(0);
        assertThat(row.get("id").asString()).isEqualTo(id);
        assertThat(row.propertyNames()).containsAll(s.rowKeys());
        assertNoPrivateFields(row);
        assertThat(api.get(api.rootToken, s.base() + "?filter_not_note=" + tag).data().toString()).doesNotContain(id);

        ObjectNode replacement = s.document().put("other", "kept");
        copyUniqueFields(s, read.data(), replacement);
        ApiHarness.Response replaced = api.post(api.rootToken, item, replacement);
        assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
        assertThat(replaced.data().has("note")).as("an omitted public field disappears").isFalse();
        assertThat(replaced.data().get("other").asString()).isEqualTo("kept");
        assertThat(replaced.body().get("revision").asString()).startsWith("2-");

        ApiHarness.Response patched = api.patch(api.rootToken, item,
                Json.object().put("note", "patched").putNull("other").put("pvt_y", "sneaky"));
        assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
        assertThat(patched.data().get("note").asString()).isEqualTo("patched");
        assertThat(patched.data().has("other")).as("null removes").isFalse();
        for (String key : replacement.propertyNames()) {
            if (!key.equals("other")) {
                assertThat(patched.data().has(key)).as("patch keeps " + key).isTrue();
            }
        }
        assertNoPrivateFields(patched.data());
        assertThat(api.store().get(account, id).orElseThrow().body().has("pvt_y")).isFalse();

        ApiHarness.Response deleted = api.delete(api.rootToken, item);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().get("_read_only").get("deleted").asBoolean()).isTrue();
        assertThat(api.get(api.rootToken, item).status()).isEqualTo(404);
        assertThat(api.get(api.rootToken, s.base() + "?filter_note=patched").data().toString()).doesNotContain(id);
        assertThat(api.get(api.rootToken, s.base() + "?paginate=false").data().toString()).doesNotContain(id);
        assertThat(api.store().get(account, id).orElseThrow().deleted()).as("soft delete").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aMissingRequiredFieldIsNamed(Sample s) {
        if (s.required() == null) {
            return;
        }
        ObjectNode doc = s.document().put("note", "missing-" + s.required());
        doc.remove(s.required());
        ApiHarness.Response r = api.put(api.rootToken, s.base(), doc);
        assertValidationError(r, s.required(), "required");
        assertNothingStored(s, "missing-" + s.required());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aValueOfTheWrongTypeIsNamed(Sample s) {
        ObjectNode doc = s.document().put("note", "wrong-type");
        doc.set(s.wrongTypeField(), Json.MAPPER.valueToTree(s.wrongTypeValue()));
        ApiHarness.Response r = api.put(api.rootToken, s.base(), doc);
        assertValidationError(r, s.wrongTypeField(), "type");
        assertThat(r.data().get(s.wrongTypeField()).get("type").get("message").asString())
                .startsWith("Value did not match type");
        assertNothingStored(s, "wrong-type");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aValueOutsideTheEnumIsNamed(Sample s) {
        if (s.badEnum() == null) {
            return;
        }
        ObjectNode doc = s.document().put("note", "bad-enum");
        set(doc, s.badEnum(), s.badEnumValue());
        ApiHarness.Response r = api.put(api.rootToken, s.base(), doc);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("message").asString()).isEqualTo("validation error");
        assertThat(r.data().path(s.badEnum()).has("enum")).as(r.data().toString()).isTrue();
        JsonNode details = r.data().get(s.badEnum()).get("enum");
        assertThat(details.get("message").asString()).isEqualTo("Value not found in enumerated list of values");
        assertThat(details.get("target").isArray()).isTrue();
        assertThat(details.get("value").asString()).isEqualTo(s.badEnumValue());
        assertNothingStored(s, "bad-enum");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void anUnknownIdIsABadIdentifier(Sample s) {
        String unknown = "0123456789abcdef0123456789abcdef";
        String item = s.base() + "/" + unknown;
        List<ApiHarness.Response> answers = List.of(api.get(api.rootToken, item),
                api.post(api.rootToken, item, s.document()), api.patch(api.rootToken, item, Json.object()),
                api.delete(api.rootToken, item));
        for (ApiHarness.Response r : answers) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body().get("status").asString()).isEqualTo("error");
            assertThat(r.body().get("error").asString()).isEqualTo("404");
            assertThat(r.body().get("message").asString()).isEqualTo("bad_identifier");
            assertThat(r.data().get("cause").asString()).isEqualTo(unknown);
        }
        assertThat(api.store().get(account, unknown)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void anIdOfAnotherKindIsABadIdentifier(Sample s) {
        DocumentKind other = s.kind() == DocumentKind.MENU ? DocumentKind.LIST : DocumentKind.MENU;
        String id = api.put(api.rootToken, "/v2/accounts/" + account + "/" + other.collection(),
                Json.object().put("name", "not a " + s.kind().type())).data().get("id").asString();
        ApiHarness.Response r = api.get(api.rootToken, s.base() + "/" + id);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().get("message").asString()).isEqualTo("bad_identifier");
        assertThat(api.delete(api.rootToken, s.base() + "/" + id).status()).isEqualTo(404);
        assertThat(api.store().get(account, id).orElseThrow().deleted()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aStaleRevisionIsAConflictAndChangesNothing(Sample s) {
        ApiHarness.Response created = api.put(api.rootToken, s.base(), s.document().put("note", "first"));
        String item = s.base() + "/" + created.data().get("id").asString();
        String first = created.body().get("revision").asString();
        ObjectNode change = ApiHarness.envelope(Json.object().put("note", "second"));
        ApiHarness.Response fresh = api.sendRaw("PATCH", item, api.rootToken, Json.bytes(change), "application/json",
                Map.of("If-Match", '"' + first + '"'));
        assertThat(fresh.status()).isEqualTo(200);
        String second = fresh.body().get("revision").asString();

        ObjectNode replacement = s.document().put("note", "stale");
        copyUniqueFields(s, created.data(), replacement);
        List<ApiHarness.Response> stale = List.of(
                api.sendRaw("POST", item, api.rootToken, Json.bytes(ApiHarness.envelope(replacement)),
                        "application/json", Map.of("If-Match", first)),
                api.sendRaw("PATCH", item, api.rootToken, Json.bytes(ApiHarness.envelope(Json.object()
                        .put("note", "stale"))), "application/json", Map.of("If-Match", first)),
                api.sendRaw("DELETE", item, api.rootToken, null, "application/json", Map.of("If-Match", first)));
        for (ApiHarness.Response r : stale) {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body().get("message").asString()).isEqualTo("datastore_conflict");
            assertThat(r.data().get("message").asString()).isNotBlank();
        }
        ApiHarness.Response now = api.get(api.rootToken, item);
        assertThat(now.data().get("note").asString()).isEqualTo("second");
        assertThat(now.body().get("revision").asString()).isEqualTo(second);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aPlainUserReadsButCannotWrite(Sample s) {
        ApiHarness.Response created = api.put(api.rootToken, s.base(), s.document().put("note", "admin's"));
        String item = s.base() + "/" + created.data().get("id").asString();
        String revision = created.body().get("revision").asString();

        assertThat(api.get(userToken, item).status()).isEqualTo(200);
        assertThat(api.get(userToken, s.base()).status()).isEqualTo(200);
        List<ApiHarness.Response> writes = List.of(
                api.put(userToken, s.base(), s.document().put("note", "user's")),
                api.post(userToken, item, s.document().put("note", "user's")),
                api.patch(userToken, item, Json.object().put("note", "user's")),
                api.delete(userToken, item));
        for (ApiHarness.Response r : writes) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body().get("message").asString()).isEqualTo("forbidden");
            assertThat(r.data().get("message").asString()).isNotBlank();
        }
        assertNothingStored(s, "user's");
        assertThat(api.get(api.rootToken, item).body().get("revision").asString()).isEqualTo(revision);
    }

    // ----- rules of particular kinds

    @Test
    void aMailboxNumberIsUniqueInTheAccount() {
        String boxes = "/v2/accounts/" + account + "/vmboxes";
        assertThat(api.put(api.rootToken, boxes, Json.object().put("name", "first").put("mailbox", "4100")).status())
                .isEqualTo(201);
        ApiHarness.Response again = api.put(api.rootToken, boxes,
                Json.object().put("name", "second").put("mailbox", "4100"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.data().get("mailbox").get("unique").get("message").asString())
                .isEqualTo("Invalid mailbox number or already exists");
        assertThat(api.get(api.rootToken, boxes + "?filter_name=second").data()).isEmpty();

        String other = api.subAccount(api.root, "mailboxes-elsewhere").id();
        assertThat(api.put(api.rootToken, "/v2/accounts/" + other + "/vmboxes",
                Json.object().put("name", "theirs").put("mailbox", "4100")).status()).isEqualTo(201);
    }

    @Test
    void concurrentCreatesOfOneUniqueValueLeaveOneDocument() throws Exception {
        String account = api.subAccount(api.root, "racing").id();
        String boxes = "/v2/accounts/" + account + "/vmboxes";
        String numbers = "/v2/accounts/" + account + "/phone_numbers";
        String otherNumbers = "/v2/accounts/" + api.subAccount(api.root, "racing-too").id() + "/phone_numbers";
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                int n = i;
                answers.add(pool.submit(() -> api.put(api.rootToken, boxes,
                        Json.object().put("name", "racer " + n).put("mailbox", "7777")).status()));
                answers.add(pool.submit(() -> api.put(api.rootToken, n % 2 == 0 ? numbers : otherNumbers,
                        Json.object().put("number", "+14155557777")).status()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isIn(201, 400);
            }
        }
        assertThat(api.get(api.rootToken, boxes + "?paginate=false&filter_mailbox=7777").data()).hasSize(1);
        int numbersStored = api.get(api.rootToken, numbers + "?paginate=false").data().size()
                + api.get(api.rootToken, otherNumbers + "?paginate=false").data().size();
        assertThat(numbersStored).isEqualTo(1);
    }

    @Test
    void concurrentCreatesOfOneAccountNameLeaveOneAccount() throws Exception {
        String parent = "/v2/accounts/" + account;
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 24; i++) {
                answers.add(pool.submit(() -> api.put(api.rootToken, parent, Json.object().put("name", "Twins"))
                        .status()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isIn(201, 400);
            }
        }
        assertThat(api.get(api.rootToken, parent + "/children").data().findValuesAsString("name")).containsOnlyOnce(
                "Twins");
    }

    @Test
    void aSipUserNameIsUniqueInTheAccountWhateverItsCase() {
        String devices = "/v2/accounts/" + account + "/devices";
        ObjectNode first = Json.object().put("name", "desk");
        first.putObject("sip").put("username", "desk100").put("password", "pw1");
        assertThat(api.put(api.rootToken, devices, first).status()).isEqualTo(201);
        ObjectNode second = Json.object().put("name", "desk too");
        second.putObject("sip").put("username", "DESK100").put("password", "pw2");
        ApiHarness.Response r = api.put(api.rootToken, devices, second);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.data().get("sip.username").get("unique").get("message").asString()).contains("desk100");
        assertThat(api.get(api.rootToken, devices + "?filter_name=desk%20too").data()).isEmpty();
    }

    @Test
    void aUserNameIsUniqueInTheAccountWhateverItsCase() {
        String users = "/v2/accounts/" + account + "/users";
        ObjectNode first = Json.object().put("first_name", "Carol").put("last_name", "One").put("username", "carol")
                .put("password", "carol-pw");
        assertThat(api.put(api.rootToken, users, first).status()).isEqualTo(201);
        ObjectNode second = Json.object().put("first_name", "Carol").put("last_name", "Two").put("username", "Carol")
                .put("password", "other-pw");
        ApiHarness.Response r = api.put(api.rootToken, users, second);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.data().get("username").get("unique").get("message").asString()).contains("carol");
        assertThat(api.get(api.rootToken, users + "?filter_last_name=Two").data()).isEmpty();
    }

    @Test
    void aUserNameOfTheWrongTypeIsATypeError() {
        ObjectNode user = Json.object().put("first_name", "Dan").put("last_name", "Obj");
        user.putObject("username").put("nested", "dan");
        ApiHarness.Response r = api.put(api.rootToken, "/v2/accounts/" + account + "/users", user);
        assertValidationError(r, "username", "type");
    }

    @Test
    void phoneNumbersAreStoredInE164AndOwnedByOneAccountOnly() {
        String numbers = "/v2/accounts/" + account + "/phone_numbers";
        ApiHarness.Response mine = api.put(api.rootToken, numbers, Json.object().put("number", "4155550123"));
        assertThat(mine.status()).isEqualTo(201);
        assertThat(mine.data().get("number").asString()).isEqualTo("+14155550123");

        String other = api.subAccount(api.root, "numbers-elsewhere").id();
        String theirs = "/v2/accounts/" + other + "/phone_numbers";
        for (String spelling : List.of("+14155550123", "14155550123", "4155550123")) {
            ApiHarness.Response r = api.put(api.rootToken, theirs, Json.object().put("number", spelling));
            assertThat(r.status()).as(spelling).isEqualTo(400);
            assertThat(r.data().get("number").get("unique").get("cause").asString()).isEqualTo("+14155550123");
        }
        assertThat(api.get(api.rootToken, theirs).data()).isEmpty();
        ApiHarness.Response again = api.put(api.rootToken, numbers, Json.object().put("number", "+14155550123"));
        assertThat(again.status()).isEqualTo(400);
    }

    @Test
    void aPhoneNumberMustBeANumber() {
        String numbers = "/v2/accounts/" + account + "/phone_numbers";
        ApiHarness.Response letters = api.put(api.rootToken, numbers, Json.object().put("number", "call me"));
        assertThat(letters.status()).isEqualTo(400);
        assertThat(letters.data().get("number").has("pattern")).as(letters.data().toString()).isTrue();
    }

    @Test
    void aCallflowCannotUseANumberOwnedByAnotherAccount() {
        Document owner = api.subAccount(api.root, "number-owner");
        assertThat(api.put(api.rootToken, "/v2/accounts/" + owner.id() + "/phone_numbers",
                Json.object().put("number", "+14155550199")).status()).isEqualTo(201);
        Document thief = api.subAccount(api.root, "number-thief");
        ObjectNode cf = Json.object().put("name", "stolen");
        cf.putArray("numbers").add("4155550199");
        cf.putObject("flow").put("module", "answer").putObject("data");
        ApiHarness.Response r = api.put(api.rootToken, "/v2/accounts/" + thief.id() + "/callflows", cf);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().get("message").asString()).isEqualTo("forbidden");
        assertThat(r.data().get("message").asString()).isEqualTo("unauthorized to use +14155550199");
        assertThat(api.get(api.rootToken, "/v2/accounts/" + thief.id() + "/callflows").data()).isEmpty();

        ApiHarness.Response own = api.put(api.rootToken, "/v2/accounts/" + owner.id() + "/callflows", cf);
        assertThat(own.status()).isEqualTo(201);
    }

    @Test
    void groupRowsCountEndpointsAndListFeatures() {
        ObjectNode group = Json.object().put("name", "sales floor");
        group.putObject("endpoints").set("u1", Json.object().put("type", "user"));
        ((ObjectNode) group.get("endpoints")).set("d1", Json.object().put("type", "device"));
        group.putArray("features").add("music_on_hold");
        api.put(api.rootToken, "/v2/accounts/" + account + "/groups", group);
        JsonNode row = api.get(api.rootToken, "/v2/accounts/" + account + "/groups?filter_name=sales%20floor")
                .data().get(0);
        assertThat(row.get("endpoints").asInt()).isEqualTo(2);
        assertThat(row.get("features").toString()).isEqualTo("[\"music_on_hold\"]");
    }

    // ----- accounts

    @Test
    void anAccountLivesItsWholeLife() {
        String parent = "/v2/accounts/" + account;
        ApiHarness.Response created = api.put(api.rootToken, parent,
                Json.object().put("name", "Acme").put("timezone", "Europe/Paris").put("pvt_tree", "forged"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        String item = "/v2/accounts/" + id;
        assertThat(created.header("Location")).isEqualTo(item);
        assertThat(created.data().get("realm").asString()).as("a realm is made up").endsWith(".switchboard.local");
        assertNoPrivateFields(created.data());
        assertThat(AccountDirectory.ancestors(api.store().get(id, id).orElseThrow())).containsExactly(account);

        assertThat(api.get(api.rootToken, item).data().get("name").asString()).isEqualTo("Acme");
        assertThat(api.get(api.rootToken, parent + "/children").data().toString()).contains(id);
        ApiHarness.Response grandchild = api.put(api.rootToken, item, Json.object().put("name", "Acme East"));
        String grandchildId = grandchild.data().get("id").asString();
        assertThat(api.get(api.rootToken, parent + "/children").data().toString()).doesNotContain(grandchildId);
        JsonNode descendants = api.get(api.rootToken, parent + "/descendants").data();
        assertThat(descendants.toString()).contains(id, grandchildId);

        ApiHarness.Response replaced = api.post(api.rootToken, item,
                Json.object().put("name", "Acme Inc").put("realm", "acme.test"));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.data().has("timezone")).isFalse();
        assertThat(replaced.body().get("revision").asString()).startsWith("2-");
        ApiHarness.Response withoutRealm = api.post(api.rootToken, item, Json.object().put("name", "Acme Inc"));
        assertThat(withoutRealm.data().get("realm").asString()).as("phones keep their realm").isEqualTo("acme.test");
        ApiHarness.Response patched = api.patch(api.rootToken, item, Json.object().put("language", "fr-fr"));
        assertThat(patched.data().get("name").asString()).isEqualTo("Acme Inc");
        assertThat(patched.data().get("language").asString()).isEqualTo("fr-fr");
        assertThat(AccountDirectory.ancestors(api.store().get(id, id).orElseThrow())).containsExactly(account);

        assertThat(api.delete(api.rootToken, item).status()).as("not while it has a child").isEqualTo(400);
        assertThat(api.delete(api.rootToken, "/v2/accounts/" + grandchildId).status()).isEqualTo(200);
        ApiHarness.Response deleted = api.delete(api.rootToken, item);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().get("_read_only").get("deleted").asBoolean()).isTrue();
        assertThat(api.get(api.rootToken, item).status()).isEqualTo(403);
        assertThat(api.get(api.rootToken, parent + "/descendants").data().toString()).doesNotContain(id);
    }

    @Test
    void badAccountsAreRefusedAndNothingIsCreated() {
        String parent = "/v2/accounts/" + account;
        int before = api.get(api.rootToken, parent + "/descendants").data().size();
        assertValidationError(api.put(api.rootToken, parent, Json.object().put("realm", "nameless.test")),
                "name", "required");
        assertValidationError(api.put(api.rootToken, parent, Json.object().put("name", 5)), "name", "type");
        assertValidationError(api.put(api.rootToken, parent, Json.object().put("name", "Bad realm")
                .put("realm", "no spaces allowed")), "realm", "pattern");
        assertValidationError(api.put(api.rootToken, parent, Json.object().put("name", "ROOT")), "name", "unique");
        assertThat(api.put(userToken, parent, Json.object().put("name", "users cannot")).status()).isEqualTo(403);
        assertThat(api.get(api.rootToken, parent + "/descendants").data()).hasSize(before);
    }

    @Test
    void aStaleAccountRevisionIsAConflict() {
        ApiHarness.Response created = api.put(api.rootToken, "/v2/accounts/" + account,
                Json.object().put("name", "Revisions Ltd"));
        String item = "/v2/accounts/" + created.data().get("id").asString();
        String first = created.body().get("revision").asString();
        assertThat(api.patch(api.rootToken, item, Json.object().put("language", "de-de")).status()).isEqualTo(200);
        ApiHarness.Response stale = api.sendRaw("PATCH", item, api.rootToken,
                Json.bytes(ApiHarness.envelope(Json.object().put("language", "it-it"))), "application/json",
                Map.of("If-Match", first));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("message").asString()).isEqualTo("datastore_conflict");
        ApiHarness.Response staleDelete = api.sendRaw("DELETE", item, api.rootToken, null, "application/json",
                Map.of("If-Match", first));
        assertThat(staleDelete.status()).isEqualTo(409);
        ApiHarness.Response now = api.get(api.rootToken, item);
        assertThat(now.data().get("language").asString()).isEqualTo("de-de");
        assertThat(now.header("ETag")).isEqualTo('"' + now.body().get("revision").asString() + '"');
    }

    @Test
    void aPlainUserCannotChangeTheAccount() {
        String item = "/v2/accounts/" + account;
        assertThat(api.get(userToken, item).status()).isEqualTo(200);
        assertThat(api.patch(userToken, item, Json.object().put("language", "xx")).status()).isEqualTo(403);
        assertThat(api.post(userToken, item, Json.object().put("name", "mine")).status()).isEqualTo(403);
        assertThat(api.get(api.rootToken, item).data().get("name").asString()).isEqualTo("root");
    }

    // ----- helpers

    /** Fields whose value must stay the same on replace: the ones another document may not share. */
    private static void copyUniqueFields(Sample s, JsonNode from, ObjectNode to) {
        switch (s.kind()) {
            case CALLFLOW -> to.set("numbers", from.get("numbers"));
            case VMBOX -> to.set("mailbox", from.get("mailbox"));
            case DEVICE -> to.set("sip", from.get("sip"));
            case PHONE_NUMBER -> to.set("number", from.get("number"));
            default -> {
            }
        }
    }

    private static void assertValidationError(ApiHarness.Response r, String field, String code) {
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(400);
        assertThat(r.body().get("status").asString()).isEqualTo("error");
        assertThat(r.body().get("error").asString()).isEqualTo("400");
        assertThat(r.body().get("message").asString()).isEqualTo("validation error");
        assertThat(r.data().path(field).has(code)).as(r.data().toString()).isTrue();
        assertThat(r.data().get(field).get(code).get("message").asString()).isNotBlank();
    }

    private static void assertNothingStored(Sample s, String note) {
        assertThat(api.get(api.rootToken, s.base() + "?paginate=false&filter_note=" + note.replace(" ", "%20")).data())
                .isEmpty();
    }

    private static void assertNoPrivateFields(JsonNode doc) {
        for (String key : doc.propertyNames()) {
            assertThat(key).doesNotStartWith("pvt_").isNotIn("_rev", "_id");
        }
    }

    private static JsonNode at(JsonNode doc, String dotted) {
        JsonNode node = doc;
        for (String part : dotted.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static void set(ObjectNode doc, String dotted, String value) {
        String[] parts = dotted.split("\\.");
        ObjectNode node = doc;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]) instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }
}
