package dev.switchboard.core.actions;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.WebClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests callflow actions make with call parameters (pivot, function, webhook): GET sends them in the query
 * string, other methods in a form-encoded or JSON body. An unreachable server is an empty answer, not an error.
 */
final class HttpCalls {
    private HttpCalls() {
    }

    static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** {@code relative} resolved against {@code base}, as a browser would; nothing means the base itself. */
    static String resolve(String base, String relative) {
        if (relative == null || relative.isBlank()) {
            return base;
        }
        try {
            return URI.create(base).resolve(relative.trim()).toString();
        } catch (IllegalArgumentException e) {
            return relative.trim();
        }
    }

    static Optional<WebClient.Response> send(ActionContext ctx, String method, String url, Map<String, String> params,
                                             boolean json, Map<String, String> headers) {
        String verb = method.toUpperCase(Locale.ROOT);
        Map<String, String> allHeaders = new LinkedHashMap<>(headers);
        String target = url;
        String body = null;
        if (verb.equals("GET")) {
            target = params.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + form(params);
        } else if (json) {
            ObjectNode object = Json.object();
            params.forEach(object::put);
            body = Json.write(object);
            allHeaders.put("Content-Type", "application/json");
        } else {
            body = form(params);
            allHeaders.put("Content-Type", "application/x-www-form-urlencoded");
        }
        try {
            return Optional.of(ctx.services().web().request(verb, target, allHeaders, body));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean ok(WebClient.Response response) {
        return response.status() >= 200 && response.status() < 300;
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
