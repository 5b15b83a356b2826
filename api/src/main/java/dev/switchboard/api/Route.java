package dev.switchboard.api;

import io.javalin.http.HandlerType;

/**
 * One API route, described once: registered with the HTTP server and listed in the OpenAPI document.
 *
 * @param access        who may call it
 * @param requestSchema schema name of the envelope's {@code data}, or null
 */
public record Route(HandlerType method, String path, String tag, String summary, Access access,
                    String requestSchema, ApiHandler handler) {

    public enum Access {
        /** anyone */
        PUBLIC,
        /** any valid token */
        AUTHENTICATED,
        /** a token of the account in the path, or of one of its ancestors */
        ACCOUNT
    }

    @FunctionalInterface
    public interface ApiHandler {
        void handle(RequestScope scope) throws Exception;
    }
}
