package dev.switchboard.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The call's key/value store (KAZOO's KVS, spec §3.3): what routing found, what actions left for later ones.
 * Only the call's own thread touches it.
 */
public final class CallState {
    private String callflowId;
    private String captureGroup;
    private Map<String, String> captureGroups = Map.of();
    private boolean noMatch;
    private String lastModule;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final ObjectNode customVariables = Json.object();
    private final Map<String, String> dtmfCollections = new LinkedHashMap<>();
    private final ObjectNode kvs = Json.object();
    private CallOutcome outcome;
    private String request;
    private ObjectNode callRecording;

    public String callflowId() {
        return callflowId;
    }

    public void callflowId(String id) {
        callflowId = id;
    }

    /** The "argument" of a pattern match, e.g. "4158867900" for {@code *74} dialled as {@code *744158867900}. */
    public String captureGroup() {
        return captureGroup;
    }

    public void captureGroup(String value) {
        captureGroup = value;
    }

    public Map<String, String> captureGroups() {
        return captureGroups;
    }

    public void captureGroups(Map<String, String> named) {
        captureGroups = Map.copyOf(named);
    }

    public boolean noMatch() {
        return noMatch;
    }

    public void noMatch(boolean value) {
        noMatch = value;
    }

    /** The module that ran before the current one (KAZOO's {@code cf_last_action}); null for the first. */
    public String lastModule() {
        return lastModule;
    }

    void lastModule(String module) {
        lastModule = module;
    }

    /** Channel variables (KAZOO's CCVs): Alert-Info, Call-Priority, Retain-CID, ... */
    public Map<String, String> variables() {
        return variables;
    }

    /** Custom application variables ({@code set_variables}). */
    public ObjectNode customVariables() {
        return customVariables;
    }

    /** Named DTMF collections (spec §5.3); "default" holds type-ahead. */
    public Map<String, String> dtmfCollections() {
        return dtmfCollections;
    }

    /**
     * The number the call is for now (KAZOO's Request user): the dialled number of
     * {@link dev.switchboard.core.call.CallInfo#dialled()}, unless an action re-targeted the call to another
     * number (disa, after the caller dialled one), in which case actions that dial out use this one.
     *
     * @return the re-targeted number, or null when the call is still for the number it arrived with
     */
    public String request() {
        return request;
    }

    public void request(String number) {
        request = number;
    }

    /**
     * The recording of the call's conversations that {@code record_call} started: its data (format, url, method,
     * time_limit, record_on_answer, record_on_bridge, record_min_sec, should_follow_transfer, origin...). While it
     * is set, a bridge records the conversation with these settings.
     *
     * @return the settings, or null when the call is not being recorded
     */
    public ObjectNode callRecording() {
        return callRecording;
    }

    public void callRecording(ObjectNode settings) {
        callRecording = settings;
    }

    /**
     * Everything else actions leave for later actions and for bridging, under KAZOO's KVS key names (spec §5.5,
     * §6): {@code dynamic_cid}, {@code prepend_cid_number}/{@code _name}, {@code rewrite_cid_number}/{@code _name},
     * {@code owner_id}, {@code request} (the number a feature code sends the call on to), {@code use_endpoint_privacy},
     * {@code cf_agent_skills}, ...
     */
    public ObjectNode kvs() {
        return kvs;
    }

    /** What the call became, set by the action that decided it (bridged, voicemail, responded...). */
    public CallOutcome outcome() {
        return outcome;
    }

    public void outcome(CallOutcome value) {
        outcome = value;
    }
}
