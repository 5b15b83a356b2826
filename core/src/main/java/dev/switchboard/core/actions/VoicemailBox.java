package dev.switchboard.core.actions;

import java.math.BigInteger;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.engine.ActionContext;
import tools.jackson.databind.JsonNode;

/**
 * A voicemail box as one call sees it (spec §7.3): the vmbox document read through the rules of §6.76, with the
 * callflow data where it may override the box. Changes go to the document; {@link #reload} reads them back.
 */
final class VoicemailBox {
    static final String TYPE = "vmbox";
    static final int MAX_BOX_NUMBER_LENGTH = 15;
    static final int MAX_LOGIN_ATTEMPTS = 3;
    static final int DEFAULT_MAX_MESSAGE_COUNT = 100;
    static final Duration DEFAULT_MAX_MESSAGE_LENGTH = Duration.ofSeconds(500);
    static final Duration MIN_MESSAGE_LENGTH = Duration.ofMillis(500);

    private final Document doc;
    private final JsonNode data;

    private VoicemailBox(Document doc, JsonNode data) {
        this.doc = doc;
        this.data = data;
    }

    /**
     * The box the node names: {@code id}, else the capture group as a mailbox number, else the caller's own box
     * when that is unambiguous ({@code single_mailbox_login}, {@code callerid_match_login}).
     */
    static Optional<VoicemailBox> resolve(ActionContext ctx, JsonNode data) {
        String id = data.path("id").asString("");
        if (!id.isEmpty()) {
            return ctx.documents().get(TYPE, id).map(d -> new VoicemailBox(d, data));
        }
        String capture = ctx.state().captureGroup();
        if (capture != null && !capture.isEmpty()) {
            return byNumber(ctx, capture, data);
        }
        String owner = ctx.call().info().ownerId();
        if (owner == null) {
            return Optional.empty();
        }
        List<Document> owned = ctx.documents().find(DocumentIndexes.OWNER, owner).stream()
                .filter(d -> d.type().equals(TYPE)).toList();
        if (owned.size() == 1 && data.path("single_mailbox_login").asBoolean(false)) {
            return Optional.of(new VoicemailBox(owned.getFirst(), data));
        }
        if (data.path("callerid_match_login").asBoolean(false)) {
            String callerNumber = ctx.call().callerId().number();
            return owned.stream().filter(d -> d.body().path("mailbox").asString("").equals(callerNumber)).findFirst()
                    .map(d -> new VoicemailBox(d, data));
        }
        return Optional.empty();
    }

    /** The box with that mailbox number; like KAZOO, "0100" finds box 100 (numbers compare as integers). */
    static Optional<VoicemailBox> byNumber(ActionContext ctx, String number, JsonNode data) {
        Optional<Document> exact = ctx.documents().find(DocumentIndexes.VMBOX_MAILBOX, number).stream()
                .filter(d -> d.type().equals(TYPE)).findFirst();
        if (exact.isPresent()) {
            return Optional.of(new VoicemailBox(exact.get(), data));
        }
        Optional<BigInteger> wanted = integer(number);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return ctx.documents().ofType(TYPE).stream()
                .filter(d -> integer(d.body().path("mailbox").asString("")).equals(wanted))
                .findFirst().map(d -> new VoicemailBox(d, data));
    }

    private static Optional<BigInteger> integer(String digits) {
        return digits.matches("[0-9]{1,30}") ? Optional.of(new BigInteger(digits)) : Optional.empty();
    }

    VoicemailBox reload(ActionContext ctx) {
        return ctx.documents().get(TYPE, doc.id()).map(d -> new VoicemailBox(d, data)).orElse(this);
    }

    Document document() {
        return doc;
    }

    JsonNode data() {
        return data;
    }

    private JsonNode body() {
        return doc.body();
    }

    String id() {
        return doc.id();
    }

    /** The mailbox number, else the number dialled (KAZOO's fallback). */
    String number(ActionContext ctx) {
        String number = body().path("mailbox").asString("");
        return number.isEmpty() ? ctx.call().info().dialled() : number;
    }

    String pin() {
        return body().path("pin").asString("");
    }

    boolean requirePin() {
        return body().path("require_pin").asBoolean(false);
    }

    String ownerId() {
        String owner = body().path("owner_id").asString("");
        return owner.isEmpty() ? null : owner;
    }

    /** The caller's device belongs to the box's owner. */
    boolean calledByOwner(ActionContext ctx) {
        String owner = ownerId();
        return owner != null && owner.equals(ctx.call().info().ownerId());
    }

    /**
     * Log the owner straight in when they leave a message in their own box. When the box does not say, only a
     * call that reached the box directly (first node, or after {@code device}) does: a ring group's overflow to
     * voicemail should let the owner leave a message.
     */
    boolean checkIfOwner(ActionContext ctx) {
        JsonNode set = body().get("check_if_owner");
        if (set != null && set.isBoolean()) {
            return set.asBoolean();
        }
        String last = ctx.state().lastModule();
        return last == null || last.equals("device");
    }

    boolean isSetup() {
        return body().path("is_setup").asBoolean(false);
    }

    boolean skipGreeting() {
        return body().path("skip_greeting").asBoolean(false);
    }

    boolean skipInstructions() {
        return body().path("skip_instructions").asBoolean(false);
    }

    boolean skipEnvelope() {
        return body().path("skip_envelope").asBoolean(false);
    }

    boolean announcementOnly() {
        return body().path("announcement_only").asBoolean(false);
    }

    boolean notConfigurable() {
        return body().path("not_configurable").asBoolean(false);
    }

    boolean oldestMessageFirst() {
        return body().path("oldest_message_first").asBoolean(false);
    }

    boolean playGreetingIntro() {
        return body().path("play_greeting_intro").asBoolean(false);
    }

    boolean usePersonNotAvailable() {
        return body().path("use_person_not_available").asBoolean(false);
    }

    String unavailableMedia() {
        return body().path("media").path("unavailable").asString("");
    }

    String temporaryMedia() {
        return body().path("media").path("temporary_unavailable").asString("");
    }

    String operatorNumber() {
        JsonNode n = body().get("operator_number");
        return n == null || !(n.isString() || n.isNumber()) ? "" : n.asString();
    }

    /** {@code mp3} unless the box asks for {@code wav} or {@code mp4}. */
    String mediaExtension() {
        return body().path("media_extension").asString("mp3");
    }

    boolean includeMessageOnNotify() {
        return body().path("include_message_on_notify").asBoolean(true);
    }

    boolean saveAfterNotify() {
        return body().path("save_after_notify").asBoolean(false);
    }

    boolean deleteAfterNotify() {
        return body().path("delete_after_notify").asBoolean(false);
    }

    List<String> notifyEmailAddresses() {
        List<String> addresses = new ArrayList<>();
        body().path("notify_email_addresses").forEach(a -> {
            if (a.isString() && !a.asString().isBlank()) {
                addresses.add(a.asString());
            }
        });
        return addresses;
    }

    /** The first positive of the node's and the box's {@code max_message_length} (seconds), else 500 s. */
    Duration maxMessageLength() {
        for (JsonNode source : List.of(data, body())) {
            long seconds = source.path("max_message_length").asLong(0);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        }
        return DEFAULT_MAX_MESSAGE_LENGTH;
    }

    /** A box may hold this many new and saved messages; 0 means no limit. */
    int maxMessageCount() {
        JsonNode set = body().get("max_message_count");
        return set != null && set.isIntegralNumber() && set.asInt() >= 0 ? set.asInt() : DEFAULT_MAX_MESSAGE_COUNT;
    }

    /** The box's {@code interdigit_timeout} wins over the node's; 2000 ms by default. */
    Duration interdigit() {
        for (JsonNode source : List.of(body(), data)) {
            long ms = source.path("interdigit_timeout").asLong(0);
            if (ms > 0) {
                return Duration.ofMillis(ms);
            }
        }
        return Duration.ofMillis(2000);
    }

    /** Where message dates are told: the box's zone, else its owner's, else the account's. */
    ZoneId timezone(ActionContext ctx) {
        String zone = body().path("timezone").asString("");
        if (zone.isEmpty() && ownerId() != null) {
            zone = ctx.documents().get("user", ownerId()).map(u -> u.body().path("timezone").asString(""))
                    .orElse("");
        }
        return ctx.timezone(zone.isEmpty() ? null : zone);
    }

    /** The owner's user document, when the box has an owner that still exists. */
    Optional<Document> owner(ActionContext ctx) {
        return ctx.documents().get("user", ownerId());
    }
}
