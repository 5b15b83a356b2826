package dev.switchboard.core.engine;

import java.util.Map;

/** HTTP requests made by actions (webhook, pivot). */
public interface WebClient {

    record Response(int status, String contentType, String body) {
    }

    /** @throws java.io.UncheckedIOException when the server cannot be reached */
    Response request(String method, String url, Map<String, String> headers, String body);

    /**
     * Sends a file (a recording) as the body of a PUT or POST.
     *
     * @throws java.io.UncheckedIOException when the server cannot be reached
     * @throws UnsupportedOperationException from a client that only sends text
     */
    default Response upload(String method, String url, String contentType, byte[] body) {
        throw new UnsupportedOperationException("this web client sends text bodies only");
    }
}
