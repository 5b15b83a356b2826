package dev.switchboard.api;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.schema.SchemaValidator;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v2/about}, {@code /metrics}, the schemas, and the OpenAPI document built from the routes themselves. */
final class SystemResource {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");

    private final DocumentStore store;
    private final SchemaValidator validator;
    private final PrometheusMeterRegistry metrics;
    private final Clock clock;
    private final Supplier<List<Route>> allRoutes;
    private final long startedAt;

    SystemResource(DocumentStore store, SchemaValidator validator, PrometheusMeterRegistry metrics, Clock clock,
                   Supplier<List<Route>> allRoutes) {
        this.store = store;
        this.validator = validator;
        this.metrics = metrics;
        this.clock = clock;
        this.allRoutes = allRoutes;
        this.startedAt = clock.millis();
    }

    List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, "/v2/about", "system", "Version, uptime and store", Route.Access.PUBLIC,
                        null, this::about),
                new Route(HandlerType.GET, "/metrics", "system", "Prometheus metrics", Route.Access.PUBLIC, null,
                        s -> s.ctx().contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape())),
                new Route(HandlerType.GET, "/v2/openapi.json", "system", "This API as OpenAPI 3.1",
                        Route.Access.PUBLIC, null, s -> s.ctx().contentType("application/json")
                                .result(Json.bytes(openApi()))),
                new Route(HandlerType.GET, "/v2/schemas", "system",
                        "Names of every JSON schema; with ?expand=true the schemas themselves, by name",
                        Route.Access.AUTHENTICATED, null, this::schemas),
                new Route(HandlerType.GET, "/v2/schemas/{name}", "system", "One JSON schema",
                        Route.Access.AUTHENTICATED, null, s -> {
                            String name = s.pathParam("name");
                            if (!validator.hasSchema(name)) {
                                throw ApiException.badIdentifier(name);
                            }
                            Envelope.ok(s.ctx(), validator.schema(name));
                        }));
    }

    /** The builder needs every module's schema at once; one request instead of a hundred. */
    private void schemas(RequestScope s) {
        TreeSet<String> names = new TreeSet<>(validator.schemaNames());
        if ("true".equals(s.ctx().queryParam("expand"))) {
            ObjectNode all = Json.object();
            names.forEach(name -> all.set(name, validator.schema(name)));
            Envelope.ok(s.ctx(), all);
            return;
        }
        ArrayNode list = Json.array();
        names.forEach(list::add);
        Envelope.ok(s.ctx(), list);
    }

    private void about(RequestScope s) {
        ObjectNode data = Json.object()
                .put("version", Envelope.VERSION)
                .put("uptime_s", Duration.ofMillis(clock.millis() - startedAt).toSeconds())
                .put("store", store.kind())
                .put("java", Runtime.version().toString())
                .put("pid", ManagementFactory.getRuntimeMXBean().getPid());
        Envelope.ok(s.ctx(), data);
    }

    ObjectNode openApi() {
        ObjectNode doc = Json.object().put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Switchboard API").put("version", Envelope.VERSION)
                .put("description", "KAZOO Crossbar-compatible REST API. Bodies are envelopes {\"data\": {...}}; "
                        + "responses are envelopes {status, data, request_id, revision, auth_token}.");
        ObjectNode components = doc.putObject("components");
        components.putObject("securitySchemes").putObject("authToken").put("type", "apiKey").put("in", "header")
                .put("name", "X-Auth-Token");
        ObjectNode schemas = components.putObject("schemas");
        Map<String, ObjectNode> paths = new TreeMap<>();
        for (Route route : allRoutes.get()) {
            ObjectNode item = paths.computeIfAbsent(route.path(), p -> Json.object());
            ObjectNode op = item.putObject(route.method().name().toLowerCase(java.util.Locale.ROOT));
            op.putArray("tags").add(route.tag());
            op.put("summary", route.summary());
            op.put("operationId", route.method().name().toLowerCase(java.util.Locale.ROOT)
                    + route.path().replaceAll("[^A-Za-z0-9]+", "_"));
            ArrayNode params = op.putArray("parameters");
            Matcher m = PATH_PARAM.matcher(route.path());
            while (m.find()) {
                params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
                        .putObject("schema").put("type", "string");
            }
            if (route.access() != Route.Access.PUBLIC) {
                op.putArray("security").addObject().putArray("authToken");
            }
            if (route.requestSchema() != null && validator.hasSchema(route.requestSchema())) {
                addComponent(schemas, route.requestSchema());
                ObjectNode requestBody = op.putObject("requestBody");
                requestBody.put("required", true);
                ObjectNode envelope = requestBody.putObject("content").putObject("application/json")
                        .putObject("schema");
                envelope.put("type", "object");
                envelope.putArray("required").add("data");
                envelope.putObject("properties").putObject("data")
                        .put("$ref", "#/components/schemas/" + route.requestSchema());
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject("200").put("description", "success envelope");
            responses.putObject("400").put("description", "validation error envelope, data keyed by field");
            if (route.access() != Route.Access.PUBLIC) {
                responses.putObject("401").put("description", "invalid_credentials");
                responses.putObject("403").put("description", "forbidden");
            }
        }
        ObjectNode pathsNode = doc.putObject("paths");
        paths.forEach(pathsNode::set);
        return doc;
    }

    /** Adds the schema, and every schema it refers to, to {@code components.schemas}. */
    private void addComponent(ObjectNode schemas, String name) {
        if (schemas.has(name) || !validator.hasSchema(name)) {
            return;
        }
        ObjectNode copy = (ObjectNode) validator.schema(name);
        copy.remove("$schema");
        copy.remove("$id");
        schemas.set(name, copy);
        Set<String> referenced = new TreeSet<>();
        pointRefsIntoComponents(copy, name, referenced);
        referenced.forEach(other -> addComponent(schemas, other));
    }

    /**
     * Without its {@code $id}, a schema's {@code $ref}s ({@code #/definitions/x}, {@code caller_id.json}) would
     * resolve against the OpenAPI document and miss; each is rewritten to where that schema now sits in it.
     */
    private static void pointRefsIntoComponents(JsonNode node, String schema, Set<String> referenced) {
        if (node instanceof ObjectNode object && object.path("$ref").isString()) {
            String ref = object.get("$ref").asString();
            int hash = ref.indexOf('#');
            String file = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            String target = file.isEmpty() ? schema
                    : file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
            object.put("$ref", "#/components/schemas/" + target + pointer);
            if (!file.isEmpty()) {
                referenced.add(target);
            }
        }
        for (JsonNode child : node) {
            pointRefsIntoComponents(child, schema, referenced);
        }
    }
}
