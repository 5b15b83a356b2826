package dev.switchboard.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.doc.ListQuery;
import dev.switchboard.core.doc.Page;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Crossbar listings (spec §9.3): pages of 50 by default, {@code start_key}/{@code next_start_key} cursors,
 * {@code paginate=false}, {@code descending}, and the query-string filters, ANDed.
 */
public final class Listing {
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 1000;

    private Listing() {
    }

    public static ListQuery query(Context ctx, Predicate<Document> extra) {
        boolean paginate = !"false".equals(ctx.queryParam("paginate"));
        int pageSize = paginate ? pageSize(ctx.queryParam("page_size")) : Integer.MAX_VALUE;
        boolean descending = "true".equals(ctx.queryParam("descending")) || "false".equals(ctx.queryParam("ascending"));
        String startKey = paginate ? ctx.queryParam("start_key") : null;
        return new ListQuery(startKey, pageSize, descending, filters(ctx.queryParamMap()).and(extra));
    }

    public static void respond(Context ctx, ListQuery query, Page page, Function<Document, ObjectNode> row) {
        ArrayNode data = Json.array();
        StringBuilder revisions = new StringBuilder();
        for (Document d : page.documents()) {
            data.add(row.apply(d));
            revisions.append(d.id()).append(d.rev());
        }
        ObjectNode env = Envelope.success(ctx, data);
        env.put("revision", dev.switchboard.api.auth.PasswordHasher.md5Hex(revisions.toString()));
        if (query.limit() != Integer.MAX_VALUE) {
            env.put("page_size", page.documents().size());
            if (query.startKey() != null) {
                env.put("start_key", query.startKey());
            }
            if (page.nextStartKey() != null) {
                env.put("next_start_key", page.nextStartKey());
            }
        }
        Envelope.send(ctx, 200, env);
    }

    static int pageSize(String given) {
        if (given == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int n = Integer.parseInt(given);
            if (n >= 1 && n <= MAX_PAGE_SIZE) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.invalid("page_size", "invalid", "page_size is a whole number from 1 to " + MAX_PAGE_SIZE);
    }

    static Predicate<Document> filters(Map<String, List<String>> params) {
        List<Predicate<Document>> all = new ArrayList<>();
        params.forEach((name, values) -> {
            for (String value : values) {
                Predicate<Document> p = filter(name, value);
                if (p != null) {
                    all.add(p);
                }
            }
        });
        return d -> all.stream().allMatch(p -> p.test(d));
    }

    private static Predicate<Document> filter(String name, String value) {
        if (name.startsWith("filter_not_")) {
            String key = name.substring("filter_not_".length());
            return d -> !matches(at(d, key), value);
        }
        if (name.startsWith("filter_")) {
            String key = name.substring("filter_".length());
            return d -> matches(at(d, key), value);
        }
        return switch (name) {
            case "has_key" -> d -> at(d, value) != null;
            case "key_missing" -> d -> at(d, value) == null;
            case "has_value" -> d -> hasValue(at(d, value));
            case "missing_value" -> d -> !hasValue(at(d, value));
            // the time is read here, not in the predicate, so a bad one is refused even when no document is tested
            case "created_from" -> {
                long from = seconds(name, value);
                yield d -> d.created() >= from;
            }
            case "created_to" -> {
                long to = seconds(name, value);
                yield d -> d.created() <= to;
            }
            case "modified_from" -> {
                long from = seconds(name, value);
                yield d -> d.modified() >= from;
            }
            case "modified_to" -> {
                long to = seconds(name, value);
                yield d -> d.modified() <= to;
            }
            default -> null;
        };
    }

    private static long seconds(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "type", "Value did not match type(s): integer (Gregorian seconds)");
        }
    }

    /** The value at a dotted key; {@code id} is the document's id. */
    private static JsonNode at(Document d, String dotted) {
        if (dotted.equals("id")) {
            return Json.MAPPER.getNodeFactory().stringNode(d.id());
        }
        JsonNode node = d.body();
        for (String part : dotted.split("\\.")) {
            if (part.startsWith("pvt_") || part.startsWith("_")) {
                return null;
            }
            node = node.get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static boolean matches(JsonNode node, String value) {
        if (node == null) {
            return false;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (matches(item, value)) {
                    return true;
                }
            }
            return false;
        }
        return node.isValueNode() && node.asString().equals(value);
    }

    private static boolean hasValue(JsonNode node) {
        return node != null && !node.isNull() && !(node.isContainer() && node.isEmpty())
                && !(node.isString() && node.asString().isEmpty());
    }
}
