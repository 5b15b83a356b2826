package dev.switchboard.core.doc;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The look-ups the API and the engine need, KAZOO's CouchDB views in one place. */
public final class DocumentIndexes implements DocumentIndexer {
    public static final String CALLFLOW_NUMBER = "callflow.number";
    public static final String CALLFLOW_PATTERN = "callflow.pattern";
    /** Every callflow that has patterns, under the one key {@link #ANY}: the router loads them together. */
    public static final String CALLFLOW_WITH_PATTERNS = "callflow.with_patterns";
    public static final String ANY = "*";
    public static final String VMBOX_MAILBOX = "vmbox.mailbox";
    public static final String USER_USERNAME = "user.username";
    /** A short prefix of a hash of each credential form: narrows a login to a user or two, reveals ~16 bits. */
    public static final String USER_CREDENTIALS_HINT = "user.credentials_hint";
    public static final String DEVICE_SIP_USERNAME = "device.sip_username";
    /** Devices that authenticate by source address ({@code sip.method: ip}), by {@code sip.ip}. */
    public static final String DEVICE_SIP_IP = "device.sip_ip";
    /** Carriers by the {@code server} of each gateway (lower case): whose calls arrive from an address. */
    public static final String RESOURCE_GATEWAY = "resource.gateway";
    /** Devices by the users hot-desked on them ({@code hotdesk.users} keys): KAZOO's attributes/hotdesk_users. */
    public static final String DEVICE_HOTDESK_USER = "device.hotdesk_user";
    /** Users by their hot-desk login id ({@code hotdesk.id}): KAZOO's attributes/hotdesk_id. */
    public static final String USER_HOTDESK_ID = "user.hotdesk_id";
    /** Users and devices by each {@code caller_id.<type>.number}: KAZOO's attributes/endpoints_lookup. */
    public static final String CALLER_ID_NUMBER = "caller_id.number";
    public static final String OWNER = "owner";
    public static final String ACCOUNT_REALM = "account.realm";
    public static final String ACCOUNT_NAME = "account.name";
    public static final String ACCOUNT_PARENT = "account.parent";
    public static final String ACCOUNT_ANCESTOR = "account.ancestor";
    public static final String ACCOUNT_API_KEY = "account.api_key";
    public static final String LIST_ENTRY_LIST = "list_entry.list";
    public static final String MESSAGE_VMBOX = "message.vmbox";
    public static final String PHONE_NUMBER = "phone_number.number";

    @Override
    public Map<String, Set<String>> keys(String type, ObjectNode body) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        switch (type) {
            case "callflow" -> {
                put(keys, CALLFLOW_NUMBER, strings(body.get("numbers"), false));
                Set<String> patterns = strings(body.get("patterns"), false);
                put(keys, CALLFLOW_PATTERN, patterns);
                put(keys, CALLFLOW_WITH_PATTERNS, patterns.isEmpty() ? Set.of() : Set.of(ANY));
            }
            case "vmbox" -> put(keys, VMBOX_MAILBOX, text(body, "mailbox", false));
            case "user" -> {
                put(keys, USER_USERNAME, text(body, "username", true));
                put(keys, USER_CREDENTIALS_HINT, strings(body.get("pvt_credentials_hints"), false));
                put(keys, USER_HOTDESK_ID, text(body.path("hotdesk"), "id", false));
                put(keys, CALLER_ID_NUMBER, callerIdNumbers(body));
            }
            case "device" -> {
                put(keys, DEVICE_SIP_USERNAME, text(body.path("sip"), "username", true));
                if (body.path("sip").path("method").asString("").equals("ip")) {
                    put(keys, DEVICE_SIP_IP, text(body.path("sip"), "ip", true));
                }
                Set<String> hotdeskUsers = new LinkedHashSet<>();
                body.path("hotdesk").path("users").propertyNames().forEach(hotdeskUsers::add);
                put(keys, DEVICE_HOTDESK_USER, hotdeskUsers);
                put(keys, CALLER_ID_NUMBER, callerIdNumbers(body));
            }
            case "account" -> {
                put(keys, ACCOUNT_REALM, text(body, "realm", true));
                put(keys, ACCOUNT_NAME, text(body, "name", true));
                put(keys, ACCOUNT_API_KEY, text(body, "pvt_api_key", false));
                Set<String> tree = strings(body.get("pvt_tree"), false);
                put(keys, ACCOUNT_ANCESTOR, tree);
                if (!tree.isEmpty()) {
                    put(keys, ACCOUNT_PARENT, Set.of(tree.toArray(String[]::new)[tree.size() - 1]));
                }
            }
            case "resource" -> {
                Set<String> servers = new LinkedHashSet<>();
                body.path("gateways").forEach(g -> servers.addAll(text(g, "server", true)));
                put(keys, RESOURCE_GATEWAY, servers);
            }
            case "list_entry" -> put(keys, LIST_ENTRY_LIST, text(body, "list_id", false));
            case "mailbox_message" -> put(keys, MESSAGE_VMBOX, text(body, "source_id", false));
            case "phone_number" -> put(keys, PHONE_NUMBER, text(body, "number", false));
            default -> {
            }
        }
        if (!type.equals("account")) {
            put(keys, OWNER, text(body, "owner_id", false));
        }
        return keys;
    }

    private static Set<String> callerIdNumbers(ObjectNode body) {
        Set<String> numbers = new LinkedHashSet<>();
        JsonNode callerId = body.path("caller_id");
        callerId.propertyNames().forEach(type -> numbers.addAll(text(callerId.path(type), "number", false)));
        return numbers;
    }

    private static void put(Map<String, Set<String>> keys, String index, Set<String> values) {
        if (!values.isEmpty()) {
            keys.put(index, values);
        }
    }

    private static Set<String> text(JsonNode node, String field, boolean lowercase) {
        JsonNode value = node.get(field);
        if (value == null || !(value.isString() || value.isNumber()) || value.asString().isEmpty()) {
            return Set.of();
        }
        String s = value.asString();
        return Set.of(lowercase ? s.toLowerCase(Locale.ROOT) : s);
    }

    private static Set<String> strings(JsonNode array, boolean lowercase) {
        Set<String> out = new LinkedHashSet<>();
        if (array != null && array.isArray()) {
            for (JsonNode n : array) {
                if (n.isString() && !n.asString().isEmpty()) {
                    out.add(lowercase ? n.asString().toLowerCase(Locale.ROOT) : n.asString());
                }
            }
        }
        return out;
    }
}
