package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.schema.SchemaValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the server says about itself: about, Prometheus metrics, the OpenAPI document and the JSON schemas. */
class SystemApiTest {
    private static final String CALLFLOWS_ROUTE = "/v2/accounts/{account_id}/callflows";
    private static ApiHarness api;
    private static String callflows;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        callflows = "/v2/accounts/" + api.root.id() + "/callflows";
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void aboutTellsVersionUptimeAndStoreToAnyone() {
        ApiHarness.Response r = api.get(null, "/v2/about");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").asString()).isEqualTo("success");
        assertThat(r.data().get("version").asString()).isEqualTo(Envelope.VERSION);
        assertThat(r.data().get("uptime_s").isIntegralNumber()).isTrue();
        assertThat(r.data().get("uptime_s").asLong()).isNotNegative();
        assertThat(r.data().get("store").asString()).isEqualTo("sqlite");
    }

    @Test
    void metricsCountRequestsPerRouteTemplateWithLatencyBuckets() {
        api.get(api.rootToken, callflows);
        String before = scrape();
        assertThat(before).containsPattern("(?m)^http_server_requests_seconds_bucket\\{[^}]*route=\""
                + Pattern.quote(CALLFLOWS_ROUTE) + "\"[^}]*le=\"[^\"]+\"[^}]*} ");
        assertThat(before).doesNotContain("route=\"" + callflows + "\"");
        double first = count(before, "GET", CALLFLOWS_ROUTE, 200);
        assertThat(first).isGreaterThanOrEqualTo(1);

        for (int i = 0; i < 3; i++) {
            api.get(api.rootToken, callflows);
        }
        assertThat(count(scrape(), "GET", CALLFLOWS_ROUTE, 200)).isEqualTo(first + 3);
    }

    @Test
    void metricsKeepTheStatusOfEachRequestEvenUnderConcurrency() throws Exception {
        ObjectNode cf = Json.object().put("name", "counted");
        cf.putArray("numbers").add("8100");
        cf.putObject("flow").put("module", "answer").putObject("data");
        String id = api.put(api.rootToken, callflows, cf).data().get("id").asString();
        String item = CALLFLOWS_ROUTE + "/{id}";
        String before = scrape();
        double ok = count(before, "GET", item, 200);
        double missing = count(before, "GET", item, 404);
        int each = 60;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                answers.add(pool.submit(() -> api.get(api.rootToken, callflows + "/" + id).status()));
                answers.add(pool.submit(() -> api.get(api.rootToken, callflows + "/" + "0".repeat(32)).status()));
            }
            for (Future<Integer> answer : answers) {
                answer.get();
            }
        }
        String after = scrape();
        assertThat(count(after, "GET", item, 200)).isEqualTo(ok + each);
        assertThat(count(after, "GET", item, 404)).isEqualTo(missing + each);
    }

    @Test
    void theOpenApiDocumentDescribesEveryRoute() {
        ApiHarness.Response r = api.get(null, "/v2/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.body();
        assertThat(doc.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(doc.get("info").get("version").asString()).isEqualTo(Envelope.VERSION);
        JsonNode paths = doc.get("paths");
        for (Route route : api.server().routes()) {
            JsonNode op = paths.path(route.path()).path(route.method().name().toLowerCase(Locale.ROOT));
            assertThat(op.isObject()).as(route.method() + " " + route.path()).isTrue();
            assertThat(op.get("tags").get(0).asString()).isEqualTo(route.tag());
            for (String param : pathParams(route.path())) {
                assertThat(op.get("parameters").findValuesAsString("name")).as(route.path()).contains(param);
            }
            assertThat(op.has("security")).as(route.path()).isEqualTo(route.access() != Route.Access.PUBLIC);
            if (route.requestSchema() != null) {
                assertThat(op.at("/requestBody/content/application~1json/schema/properties/data/$ref").asString())
                        .isEqualTo("#/components/schemas/" + route.requestSchema());
            }
        }
        int operations = 0;
        for (JsonNode item : paths) {
            operations += item.size();
        }
        assertThat(operations).as("no operation without a route").isEqualTo(api.server().routes().size());

        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.has("callflows")).isTrue();
        assertThat(schemas.get("callflows").has("$schema")).isFalse();
        assertThat(schemas.has("users")).isTrue();
        JsonNode scheme = doc.get("components").get("securitySchemes").get("authToken");
        assertThat(scheme.get("type").asString()).isEqualTo("apiKey");
        assertThat(scheme.get("in").asString()).isEqualTo("header");
        assertThat(scheme.get("name").asString()).isEqualTo("X-Auth-Token");
    }

    @Test
    void everyReferenceInTheOpenApiDocumentResolvesInsideIt() {
        JsonNode doc = api.get(null, "/v2/openapi.json").body();
        List<String> refs = doc.findValuesAsString("$ref");
        assertThat(refs).contains("#/components/schemas/callflows/definitions/action", "#/components/schemas/caller_id");
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isObject()).as(ref).isTrue();
        }
    }

    @Test
    void schemasAreListedAndServed() {
        ApiHarness.Response names = api.get(api.rootToken, "/v2/schemas");
        assertThat(names.status()).isEqualTo(200);
        assertThat(names.data().valueStream().map(JsonNode::asString)).contains("callflows.play", "users", "vmboxes");
        ApiHarness.Response play = api.get(api.rootToken, "/v2/schemas/callflows.play");
        assertThat(play.status()).isEqualTo(200);
        assertThat(play.data()).isEqualTo(SchemaValidator.load().schema("callflows.play"));

        ApiHarness.Response unknown = api.get(api.rootToken, "/v2/schemas/callflows.teleport");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("message").asString()).isEqualTo("bad_identifier");
        assertThat(unknown.data().get("cause").asString()).isEqualTo("callflows.teleport");
        assertThat(api.get(null, "/v2/schemas").status()).isEqualTo(401);
    }

    @Test
    void everySchemaComesInOneAnswerWhenExpanded() {
        ApiHarness.Response all = api.get(api.rootToken, "/v2/schemas?expand=true");
        assertThat(all.status()).isEqualTo(200);
        SchemaValidator validator = SchemaValidator.load();
        assertThat(all.data().propertyNames()).containsExactlyInAnyOrderElementsOf(validator.schemaNames());
        assertThat(all.data().get("callflows.menu")).isEqualTo(validator.schema("callflows.menu"));
        assertThat(all.data().get("callflows.menu").get("x-children").get("digits").asBoolean()).isTrue();
    }

    private static String scrape() {
        ApiHarness.Response r = api.get(null, "/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        return new String(r.raw(), StandardCharsets.UTF_8);
    }

    /** The {@code _count} of the route's timer for one method and status, 0 when absent. */
    private static double count(String scrape, String method, String route, int status) {
        // label values hold braces themselves ({account_id}), so a label set is read quote by quote
        Matcher m = Pattern.compile("(?m)^http_server_requests_seconds_count\\{((?:[^}\"]|\"[^\"]*\")*)} (\\S+)$")
                .matcher(scrape);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("method=\"" + method + "\"") && labels.contains("route=\"" + route + "\"")
                    && labels.contains("status=\"" + status + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private static List<String> pathParams(String path) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([a-z_]+)}").matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
