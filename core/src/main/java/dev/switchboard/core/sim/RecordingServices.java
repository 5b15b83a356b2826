package dev.switchboard.core.sim;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.switchboard.core.engine.AccountDocuments;
import dev.switchboard.core.engine.ActiveCalls;
import dev.switchboard.core.engine.Notice;
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

    /**
     * @param documents   what the call sees, where an e-mail's filing (save_after_notify) is done at once, as if
     *                    the e-mail had been delivered the moment it was sent
     * @param activeCalls the other live calls of the account, as the simulation was told them
     */
    static Services create(Consumer<String> event, Map<String, String> httpResponses, AccountDocuments documents,
                           List<ActiveCalls.LiveCall> activeCalls) {
        Notifier notifier = notice -> {
            event.accept("email:" + String.join(",", notice.to()));
            if (notice.afterSending() != null) {
                file(documents, notice.afterSending(), event);
            }
        };
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

    private static void file(AccountDocuments documents, Notice.Filing filing, Consumer<String> event) {
        documents.get("mailbox_message", filing.messageId())
                .filter(m -> m.body().path("folder").asString("new").equals("new"))
                .ifPresent(m -> {
                    documents.save(m.type(), m.id(), m.body().deepCopy().put("folder", filing.folder()));
                    event.accept("voicemail:" + filing.folder() + ":" + m.id());
                });
    }
}
