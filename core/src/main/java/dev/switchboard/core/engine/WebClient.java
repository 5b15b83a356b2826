package dev.switchboard.core.engine;

import java.util.Map;

/** HTTP requests made by actions (webhook, pivot). */
public interface WebClient {

    record Response(int status, String contentType, String body) {
    }

    /** @throws java.io.UncheckedIOException when the server cannot be reached */
    Response request(String method, String url, Map<String, String> headers, String body);
}
