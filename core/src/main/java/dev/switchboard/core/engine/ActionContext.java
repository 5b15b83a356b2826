package dev.switchboard.core.engine;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.call.BridgeResult;
import dev.switchboard.core.call.CallControl;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.routing.Route;
import dev.switchboard.core.routing.Router;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What an action works with: the call, its state, the account's documents, the node it runs as. */
public final class ActionContext {
    private final CallControl call;
    private final CallState state;
    private final AccountDocuments documents;
    private final Router router;
    private final Services services;
    private final Trace trace;
    private final List<Runnable> endHandlers = new ArrayList<>();
    private ObjectNode node;

    public ActionContext(CallControl call, CallState state, AccountDocuments documents, Router router,
                         Services services, Trace trace) {
        this.call = call;
        this.state = state;
        this.documents = documents;
        this.router = router;
        this.services = services;
        this.trace = trace;
    }

    public CallControl call() {
        return call;
    }

    public CallState state() {
        return state;
    }

    public AccountDocuments documents() {
        return documents;
    }

    public Services services() {
        return services;
    }

    public String accountId() {
        return documents.accountId();
    }

    /** Records what the action did in the call's trace. */
    public void event(String event) {
        trace.event(event);
    }

    Trace trace() {
        return trace;
    }

    void node(ObjectNode current) {
        node = current;
    }

    /** The node being run. */
    public ObjectNode node() {
        return node;
    }

    /** KAZOO's {@code attempt}: the child exists and is not empty. */
    public boolean hasChild(String key) {
        JsonNode child = node.path("children").get(key);
        return child != null && child.isObject() && !child.isEmpty();
    }

    /** Child keys in document order, "_" left out (KAZOO's {@code get_branch_keys}). */
    public List<String> branchKeys() {
        List<String> keys = new ArrayList<>();
        node.path("children").propertyNames().forEach(k -> {
            if (!k.equals("_")) {
                keys.add(k);
            }
        });
        return keys;
    }

    /**
     * After a failed bridge: the child named after the hangup cause, else after the SIP code (spec §4.11).
     *
     * @return empty when the flow has neither, so the action takes its own failure path
     */
    public Optional<Next> bridgeFailure(BridgeResult result) {
        if (result.cause() != null && hasChild(result.cause())) {
            return Optional.of(Next.to(result.cause()));
        }
        if (result.sipCode() != null && hasChild(result.sipCode())) {
            return Optional.of(Next.to(result.sipCode()));
        }
        return Optional.empty();
    }

    /** Looks up another number of the account (menu hunting, branch_bnumber). */
    public Optional<Route> route(String number, boolean mayUseNoMatch) {
        return router.route(documents, number, mayUseNoMatch);
    }

    /** The account's time zone, or the given override when it names a zone ("inherit" does not). */
    public ZoneId timezone(String override) {
        String zone = override != null && !override.isBlank() && !override.equals("inherit") ? override
                : documents.account().body().path("timezone").asString("UTC");
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /**
     * Media named in callflow data (spec §5.1): a bare id is a media document of the account; anything with a
     * slash (URL, tone_stream://, /system_media/...) is used as is; empty is none.
     */
    public Optional<Media> media(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        if (reference.contains("/")) {
            return Optional.of(new Media.Url(reference));
        }
        return Optional.of(new Media.Stored(accountId(), reference));
    }

    /** Runs when the flow ends, unless the call was handed over (KAZOO's termination handlers). */
    public void onEnd(Runnable handler) {
        endHandlers.add(handler);
    }

    List<Runnable> endHandlers() {
        return endHandlers;
    }
}
