package dev.switchboard.core.sim;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.switchboard.core.engine.ActiveCalls;
import dev.switchboard.core.engine.Notifier;
import dev.switchboard.core.engine.Presence;
import dev.switchboard.core.engine.Services;
import dev.switchboard.core.engine.WebClient;

/**
 * Services of a simulated call: nothing leaves the process. E-mails, webhooks and presence changes become trace
 * events; HTTP requests (pivot) are answered from the stub responses given with the simulation.
 */
final class RecordingServices {
    private RecordingServices() {
    }

    static Services create(Consumer<String> event, Map<String, String> httpResponses) {
        return create(event, httpResponses, List.of());
    }

    /** @param activeCalls the other live calls of the account, as the simulation was told them */
    static Services create(Consumer<String> event, Map<String, String> httpResponses,
                           List<ActiveCalls.LiveCall> activeCalls) {
        Notifier notifier = (to, subject, body, attachments) -> event.accept("email:" + String.join(",", to));
        WebClient web = new WebClient() {
            @Override
            public Response request(String method, String url, Map<String, String> headers, String body) {
                event.accept("http:" + method + ":" + url);
                String stub = httpResponses.get(url);
                return stub == null ? new Response(404, "text/plain", "")
                        : new Response(200, stub.trim().startsWith("<") ? "application/xml" : "application/json", stub);
            }

            /** A file upload succeeds when the simulation stubs the URL, whatever the stub says. */
            @Override
            public Response upload(String method, String url, String contentType, byte[] body) {
                event.accept("http:" + method + ":" + url);
                return httpResponses.containsKey(url) ? new Response(200, "text/plain", "")
                        : new Response(404, "text/plain", "");
            }
        };
        Presence presence = new Presence() {
            @Override
            public void update(String presenceId, String state) {
                event.accept("presence:" + presenceId + ":" + state);
            }

            @Override
            public void messageWaiting(String accountId, String vmboxId, int newMessages, int savedMessages) {
                event.accept("mwi:" + vmboxId + ":" + newMessages + "/" + savedMessages);
            }
        };
        List<ActiveCalls.LiveCall> live = List.copyOf(activeCalls);
        return new Services(notifier, web, presence, accountId -> live);
    }
}
