package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever a client sends, the answer is a 4xx error envelope naming what was wrong, nothing is stored, and no
 * response shows the server's insides.
 */
class BadInputApiTest {
    private static ApiHarness api;
    private static String users;
    private static final List<ApiHarness.Response> answers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        users = "/v2/accounts/" + api.root.id() + "/users";
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** Every answer of every test is checked for leaks. */
    @AfterEach
    void noAnswerShowsTheServersInsides() {
        for (ApiHarness.Response r : answers) {
            String body = new String(r.raw(), StandardCharsets.UTF_8);
            assertThat(body).doesNotContain("Exception", "at dev.", "at java.", "tools.jackson", "io.javalin",
                    "org.eclipse", ".java:", "[Source:");
        }
        answers.clear();
    }

    private static ApiHarness.Response raw(String method, String path, String body) {
        ApiHarness.Response r = api.sendRaw(method, path, api.rootToken,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
        answers.add(r);
        return r;
    }

    private static ApiHarness.Response send(String method, String path, Object body) {
        ApiHarness.Response r = api.send(method, path, api.rootToken, Json.MAPPER.valueToTree(body));
        answers.add(r);
        return r;
    }

    private static void assertErrorEnvelope(ApiHarness.Response r, int status, String message) {
        assertThat(r.status()).as(new String(r.raw(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.body().get("status").asString()).isEqualTo("error");
        assertThat(r.body().get("error").asString()).isEqualTo(Integer.toString(status));
        assertThat(r.body().get("message").asString()).isEqualTo(message);
        assertThat(r.body().get("request_id").asString()).isNotEmpty();
        assertThat(r.data()).isNotNull();
    }

    private static void assertNoUsersNamed(String lastName) {
        assertThat(api.get(api.rootToken, users + "?paginate=false&filter_last_name=" + lastName).data()).isEmpty();
    }

    @Test
    void malformedJsonIsRefusedSayingWhereItBroke() {
        for (String body : List.of("{\"data\": {\"first_name\": \"A\", \"last_name\": \"Malformed\"",
                "{\"data\": {\"first_name\": \"A\", \"last_name\": \"Malformed\",}}",
                "{data: {}}", "not json at all", "{\"data\": {}} trailing")) {
            ApiHarness.Response r = raw("PUT", users, body);
            assertErrorEnvelope(r, 400, "invalid request body");
            assertThat(r.data().get("message").asString()).as(body).startsWith("malformed JSON at line 1, column ");
        }
        ApiHarness.Response unclosed = raw("PUT", users, "{\"data\": {\"first_name\": \"A\"");
        assertThat(unclosed.data().get("message").asString())
                .isEqualTo("malformed JSON at line 1, column 28: Unexpected end-of-input: expected close marker for Object");
        ApiHarness.Response badChar = raw("PUT", users, "{\"data\":\n {\"a\": 1,}}");
        assertThat(badChar.data().get("message").asString()).startsWith("malformed JSON at line 2, column 10: "
                + "Unexpected character ('}' (code 125))");
        assertNoUsersNamed("Malformed");
    }

    @Test
    void aBodyThatIsNotAnEnvelopeNamesData() {
        ApiHarness.Response array = raw("PUT", users, "[{\"first_name\": \"A\", \"last_name\": \"Array\"}]");
        assertErrorEnvelope(array, 400, "invalid request body");
        assertThat(array.data().get("message").asString()).contains("\"data\"");

        ApiHarness.Response bare = send("PUT", users, Map.of("first_name", "A", "last_name", "Bare"));
        assertErrorEnvelope(bare, 400, "validation error");
        assertThat(bare.data().get("data").has("required")).isTrue();

        ApiHarness.Response empty = raw("PUT", users, null);
        assertErrorEnvelope(empty, 400, "validation error");
        assertThat(empty.data().get("data").has("required")).isTrue();

        ApiHarness.Response nullData = raw("PUT", users, "{\"data\": null}");
        assertThat(nullData.data().get("data").has("required")).isTrue();
        assertNoUsersNamed("Array");
        assertNoUsersNamed("Bare");
    }

    @Test
    void dataThatIsNotAnObjectIsATypeError() {
        for (String data : List.of("\"Alice\"", "42", "[]", "true")) {
            ApiHarness.Response r = raw("PUT", users, "{\"data\": " + data + "}");
            assertErrorEnvelope(r, 400, "validation error");
            assertThat(r.data().get("data").get("type").get("message").asString()).contains("object");
        }
    }

    @Test
    void anOversizedJsonBodyIs413SayingTheLimit() {
        ObjectNode user = Json.object().put("first_name", "Big").put("last_name", "Oversized")
                .put("notes", "x".repeat(RequestBody.MAX_JSON_BYTES));
        ApiHarness.Response r = send("PUT", users, ApiHarness.envelope(user));
        assertErrorEnvelope(r, 413, "request_too_large");
        assertThat(r.data().get("message").asString()).contains(Integer.toString(RequestBody.MAX_JSON_BYTES));
        assertNoUsersNamed("Oversized");

        ObjectNode justUnder = Json.object().put("first_name", "Big").put("last_name", "Fits")
                .put("notes", "x".repeat(RequestBody.MAX_JSON_BYTES - 200));
        assertThat(send("PUT", users, ApiHarness.envelope(justUnder)).status()).isEqualTo(201);
    }

    @Test
    void anOversizedBodyOfUndeclaredLengthIs413SayingTheLimit() throws Exception {
        byte[] json = Json.bytes(ApiHarness.envelope(Json.object().put("first_name", "Chunked").put("last_name",
                "Oversized").put("notes", "x".repeat(RequestBody.MAX_JSON_BYTES))));
        ApiHarness.Response r = api.sendChunked("PUT", users, api.rootToken, json, "application/json");
        answers.add(r);
        assertErrorEnvelope(r, 413, "request_too_large");
        assertThat(r.data().get("message").asString()).contains(Integer.toString(RequestBody.MAX_JSON_BYTES));
        assertNoUsersNamed("Oversized");

        // past even the server's cap for any body (media limit + JSON limit), which Javalin enforces itself
        int mediaLimit = 64 * 1024;
        try (ApiHarness small = new ApiHarness(ApiConfig.defaults().withMaxMediaBytes(mediaLimit))) {
            byte[] huge = Json.bytes(ApiHarness.envelope(Json.object().put("first_name", "Huge")
                    .put("last_name", "Oversized").put("notes", "x".repeat(2 * RequestBody.MAX_JSON_BYTES))));
            ApiHarness.Response beyond = small.sendChunked("PUT", "/v2/accounts/" + small.root.id() + "/users",
                    small.rootToken, huge, "application/json");
            answers.add(beyond);
            assertErrorEnvelope(beyond, 413, "request_too_large");
            assertThat(beyond.data().get("message").asString())
                    .contains(Integer.toString(mediaLimit + RequestBody.MAX_JSON_BYTES));
        }
    }

    @Test
    void anUnknownRouteIs404InTheEnvelope() {
        for (String path : List.of("/v2/nowhere", "/v2/accounts/" + api.root.id() + "/teleporters",
                "/v2/accounts/" + api.root.id() + "/callflows/x/y/z")) {
            ApiHarness.Response r = raw("GET", path, null);
            assertErrorEnvelope(r, 404, "not_found");
            assertThat(r.data().get("message").asString()).contains(path);
        }
    }

    @Test
    void aWrongMethodIs405InvalidMethod() {
        String callflow = "/v2/accounts/" + api.root.id() + "/callflows/some-id";
        for (String[] call : List.of(new String[] {"DELETE", users}, new String[] {"PATCH", users},
                new String[] {"POST", "/v2/about"}, new String[] {"PUT", callflow})) {
            ApiHarness.Response r = raw(call[0], call[1], "{\"data\": {}}");
            assertErrorEnvelope(r, 405, "invalid_method");
            assertThat(r.data().get("message").asString()).isEqualTo(call[0] + " is not allowed on " + call[1]);
        }
    }

    @Test
    void aClientIdWithBadCharactersIsRefused() {
        for (Object id : List.of("../../etc/passwd", "with space", "semi;colon", "", "-leading", "x".repeat(129), 42)) {
            ObjectNode user = Json.object().put("first_name", "Id").put("last_name", "BadId");
            user.set("id", Json.MAPPER.valueToTree(id));
            ApiHarness.Response r = send("PUT", users, ApiHarness.envelope(user));
            assertErrorEnvelope(r, 400, "validation error");
            assertThat(r.data().get("id").get("invalid").get("message").asString()).contains("letters, digits");
        }
        assertNoUsersNamed("BadId");
        ObjectNode chosen = Json.object().put("first_name", "Id").put("last_name", "GoodId").put("id", "user.chosen-1");
        ApiHarness.Response ok = send("PUT", users, ApiHarness.envelope(chosen));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.data().get("id").asString()).isEqualTo("user.chosen-1");
        ApiHarness.Response twice = send("PUT", users, ApiHarness.envelope(chosen));
        assertErrorEnvelope(twice, 409, "datastore_conflict");
    }

    @Test
    void badListingParametersAreNamed() {
        for (String query : List.of("page_size=abc", "page_size=0", "page_size=100000", "created_from=yesterday",
                "modified_to=1.5")) {
            ApiHarness.Response r = raw("GET", "/v2/accounts/" + api.root.id() + "/temporal_rules?" + query, null);
            assertErrorEnvelope(r, 400, "validation error");
            assertThat(r.data().propertyNames()).containsExactly(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void anotherTenantsIdIsUnknownInMyAccount() {
        Document mine = api.subAccount(api.root, "ids-mine");
        Document theirs = api.subAccount(api.root, "ids-theirs");
        String theirUsers = "/v2/accounts/" + theirs.id() + "/users";
        String theirId = api.put(api.rootToken, theirUsers, Json.object().put("first_name", "Their")
                .put("last_name", "User")).data().get("id").asString();
        String revision = api.get(api.rootToken, theirUsers + "/" + theirId).body().get("revision").asString();
        String tokenMine = api.login("admin", "pw-ids-mine", "ids-mine");
        String inMine = "/v2/accounts/" + mine.id() + "/users/" + theirId;

        List<ApiHarness.Response> tries = List.of(api.get(tokenMine, inMine),
                api.post(tokenMine, inMine, Json.object().put("first_name", "Mine").put("last_name", "Now")),
                api.patch(tokenMine, inMine, Json.object().put("first_name", "Mine")),
                api.delete(tokenMine, inMine));
        for (ApiHarness.Response r : tries) {
            answers.add(r);
            assertErrorEnvelope(r, 404, "bad_identifier");
            assertThat(r.data().get("cause").asString()).isEqualTo(theirId);
            assertThat(new String(r.raw(), StandardCharsets.UTF_8)).doesNotContain("Their");
        }
        ApiHarness.Response still = api.get(api.rootToken, theirUsers + "/" + theirId);
        assertThat(still.body().get("revision").asString()).isEqualTo(revision);
        assertThat(still.data().get("first_name").asString()).isEqualTo("Their");
    }

    /**
     * Every route, with real and unknown ids, gets bodies of every wrong shape and junk query parameters: each
     * answer is a client error or a success, never a fault.
     */
    @Test
    void noRouteFaultsOnHostileInput() {
        Document account = api.subAccount(api.root, "hostile");
        String token = api.login("admin", "pw-hostile", "hostile");
        String base = "/v2/accounts/" + account.id();
        Map<String, String> ids = new java.util.HashMap<>();
        for (CollectionsApiTest.Sample sample : CollectionsApiTest.samples().toList()) {
            ApiHarness.Response r = api.put(token, base + "/" + sample.kind().collection(), sample.document());
            assertThat(r.status()).as(sample.kind().collection()).isEqualTo(201);
            ids.put(sample.kind().collection(), r.data().get("id").asString());
        }
        String message = api.put(token, base + "/vmboxes/" + ids.get("vmboxes") + "/messages",
                Json.object().put("caller_id_number", "1")).data().get("id").asString();
        String entry = api.put(token, base + "/lists/" + ids.get("lists") + "/entries",
                Json.object().put("number", "1")).data().get("id").asString();

        List<byte[]> bodies = new ArrayList<>();
        for (String raw : List.of("{", "[]", "{\"data\": 5}", "{\"data\": [1]}", "\u0000\u0001garbage",
                "{\"data\": {\"name\": \"\\ud800\"}}", "{\"data\": " + "[".repeat(3000) + "]".repeat(3000) + "}",
                "{\"data\": {\"retries\": 1e999999}}")) {
            bodies.add(raw.getBytes(StandardCharsets.UTF_8));
        }
        for (Object value : List.of(Map.of(), List.of(1), 5, "x")) {
            ObjectNode data = Json.object();
            for (String field : List.of("name", "first_name", "last_name", "username", "password", "numbers",
                    "patterns", "flow", "mailbox", "sip", "number", "folder", "messages", "credentials",
                    "account_name", "api_key", "documents", "id", "list_id", "realm", "priv_level", "enabled",
                    "endpoints", "temporal_rules", "media_source", "cycle", "uri", "hook")) {
                data.set(field, Json.MAPPER.valueToTree(value));
            }
            bodies.add(Json.bytes(ApiHarness.envelope(data)));
        }
        bodies.add(Json.bytes(ApiHarness.envelope(Json.object())));
        bodies.add(null);

        List<Route> routes = new ArrayList<>(api.server().routes());
        routes.removeIf(r -> r.path().equals("/v2/token_auth") && r.method().name().equals("DELETE"));
        routes.sort(java.util.Comparator.comparing(r -> r.method().name().equals("DELETE")));
        int tried = 0;
        for (Route route : routes) {
            for (boolean known : List.of(true, false)) {
                if (known && route.method().name().equals("DELETE")) {
                    continue;
                }
                String path = route.path().replace("{account_id}", account.id())
                        .replace("{id}", known ? ids.getOrDefault(collectionOf(route.path()), "x") : "x%20y")
                        .replace("{message_id}", known ? message : "nope")
                        .replace("{entry_id}", known ? entry : "nope")
                        .replace("{name}", known ? "callflows.play" : "..")
                        // routes added later (cdr_id, call_id, device_id...): an id that does not exist
                        .replaceAll("\\{[a-z_]+}", known ? "nope" : "x%20y");
                String query = "?paginate=x&page_size=-1&start_key=%00&descending=maybe&folder=%7B&filter_a.b.c=1";
                for (byte[] body : bodies) {
                    ApiHarness.Response r = api.sendRaw(route.method().name(), path + query, token, body,
                            "application/json", Map.of());
                    answers.add(r);
                    tried++;
                    assertThat(r.status()).as(route.method() + " " + path + " " + (body == null ? "no body"
                            : new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8)))
                            .isBetween(200, 499);
                }
            }
        }
        assertThat(tried).isGreaterThan(1000);
    }

    private static String collectionOf(String template) {
        return template.replaceAll("^/v2/accounts/\\{account_id}/?([a-z_]*).*$", "$1");
    }
}
