package dev.switchboard.core.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.call.CallControl;
import dev.switchboard.core.call.CallHungUp;
import dev.switchboard.core.call.ConferenceRequest;
import dev.switchboard.core.call.DigitRequest;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bringing a caller into a conference, as KAZOO's conference application does after {@code conference} hands the
 * call over (spec §6.17, §7.9): welcome, the conference number when the node names none, the caller's role from
 * the number dialled or the PIN entered, then the room. Three wrong numbers or PINs end the call.
 */
final class ConferenceJoin {
    static final String TYPE = "conference";
    private static final int TRIES = 3;
    private static final int MAX_DIGITS = 16;

    private enum Role {
        MEMBER, MODERATOR, EITHER
    }

    /** A conference found by the number the caller entered. */
    private record Dialled(Document conference, String number) {
    }

    private final ActionContext ctx;
    private final JsonNode data;

    ConferenceJoin(ActionContext ctx, JsonNode data) {
        this.ctx = ctx;
        this.data = data;
    }

    /** @param roomId the conference document id (or a room name: a room without a document is joined as is) */
    Next join(String roomId) {
        CallControl call = ctx.call();
        call.answer();
        JsonNode adHoc = data.get("config");
        ObjectNode conference = adHoc instanceof ObjectNode config ? config
                : ctx.documents().get(TYPE, roomId.isEmpty() ? null : roomId).map(Document::body).orElse(Json.object());
        String room = !roomId.isEmpty() ? roomId : adHoc instanceof ObjectNode ? adHocRoom(conference) : "";
        welcome(conference);
        Role role = explicitRole();
        if (room.isEmpty()) {
            Optional<Dialled> dialled = askForNumber();
            if (dialled.isEmpty()) {
                return fail();
            }
            conference = dialled.get().conference().body();
            room = dialled.get().conference().id();
            role = role != Role.EITHER ? role : roleOfNumber(conference, dialled.get().number());
        }
        Optional<Role> admitted = pin(conference, role);
        if (admitted.isEmpty()) {
            return fail();
        }
        boolean moderator = admitted.get() == Role.MODERATOR;
        JsonNode settings = conference.path(moderator ? "moderator" : "member");
        boolean muted = settings.path("join_muted").asBoolean(!moderator);
        boolean deaf = settings.path("join_deaf").asBoolean(false);
        boolean tone = entryTone(conference);
        ctx.event("conference_join:" + (moderator ? "moderator" : "member") + (muted ? ":muted" : "")
                + (deaf ? ":deaf" : "") + (tone ? "" : ":no_entry_tone"));
        try {
            call.conference(new ConferenceRequest(room, conference.path("name").asString(room), moderator, muted, deaf,
                    tone));
        } catch (CallHungUp leftTheRoom) {
            // hanging up is how a caller leaves a conference: the call still ended there
        }
        return new Next.Handover("conference");
    }

    /** An ad-hoc room is named by its configuration, else by the callflow that holds it. */
    private String adHocRoom(ObjectNode config) {
        for (String name : new String[] {config.path("id").asString(""), config.path("name").asString(""),
                ctx.state().callflowId()}) {
            if (name != null && !name.isEmpty()) {
                return name;
            }
        }
        return "adhoc";
    }

    /** The node's {@code welcome_prompt}, else the conference's {@code play_welcome}; on by default. */
    private void welcome(JsonNode conference) {
        JsonNode prompt = data.path("welcome_prompt");
        boolean play = prompt.has("play") ? prompt.path("play").asBoolean(true)
                : conference.path("play_welcome").asBoolean(true);
        if (play) {
            Media media = ctx.media(prompt.path("media_id").asString("")).orElse(Media.Prompt.of("conf-welcome"));
            ctx.call().play(media, "");
        }
    }

    /** {@code moderator} in the node decides the role (and so which PINs are asked for); absent, either. */
    private Role explicitRole() {
        JsonNode moderator = data.get("moderator");
        if (moderator == null || !moderator.isBoolean()) {
            return Role.EITHER;
        }
        return moderator.asBoolean() ? Role.MODERATOR : Role.MEMBER;
    }

    private Optional<Dialled> askForNumber() {
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            String digits = collect("conf-enter_conf_number");
            Optional<Document> found = digits.isEmpty() ? Optional.empty() : byNumber(digits);
            if (found.isPresent()) {
                return Optional.of(new Dialled(found.get(), digits));
            }
            ctx.call().play(Media.Prompt.of("conf-bad_conf"), "");
        }
        return Optional.empty();
    }

    /** A conference whose {@code conference_numbers}, member or moderator numbers hold the digits. */
    private Optional<Document> byNumber(String digits) {
        return ctx.documents().ofType(TYPE).stream()
                .filter(d -> numbers(d.body()).contains(digits))
                .findFirst();
    }

    private static List<String> numbers(JsonNode conference) {
        List<String> all = new ArrayList<>();
        for (JsonNode list : List.of(conference.path("conference_numbers"), conference.path("member").path("numbers"),
                conference.path("moderator").path("numbers"))) {
            list.forEach(n -> all.add(n.asString("")));
        }
        return all;
    }

    /** A number listed for members only makes a member, for moderators only a moderator. */
    private static Role roleOfNumber(JsonNode conference, String digits) {
        boolean member = strings(conference.path("member").path("numbers")).contains(digits);
        boolean moderator = strings(conference.path("moderator").path("numbers")).contains(digits);
        return member == moderator ? Role.EITHER : member ? Role.MEMBER : Role.MODERATOR;
    }

    /**
     * Asks for the PIN the role needs: none when that role has no PINs; for an undecided role the PIN tells (a
     * conference without any PIN lets everyone in as a member).
     */
    private Optional<Role> pin(JsonNode conference, Role role) {
        List<String> memberPins = strings(conference.path("member").path("pins"));
        List<String> moderatorPins = strings(conference.path("moderator").path("pins"));
        switch (role) {
            case MEMBER -> {
                if (memberPins.isEmpty()) {
                    return Optional.of(Role.MEMBER);
                }
            }
            case MODERATOR -> {
                if (moderatorPins.isEmpty()) {
                    return Optional.of(Role.MODERATOR);
                }
            }
            case EITHER -> {
                if (memberPins.isEmpty() && moderatorPins.isEmpty()) {
                    return Optional.of(Role.MEMBER);
                }
            }
        }
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            String pin = collect("conf-enter_conf_pin");
            if (role != Role.MODERATOR && (memberPins.contains(pin) || (memberPins.isEmpty() && pin.isEmpty()))) {
                return Optional.of(Role.MEMBER);
            }
            if (role != Role.MEMBER && moderatorPins.contains(pin)) {
                return Optional.of(Role.MODERATOR);
            }
            ctx.call().play(Media.Prompt.of("conf-bad_pin"), "");
        }
        return Optional.empty();
    }

    /** The node's {@code play_entry_tone}, else the conference's; a media id or URL counts as on. */
    private boolean entryTone(JsonNode conference) {
        JsonNode tone = data.has("play_entry_tone") ? data.get("play_entry_tone") : conference.get("play_entry_tone");
        if (tone == null || tone.isNull()) {
            return true;
        }
        return tone.isBoolean() ? tone.asBoolean() : !tone.asString("").isEmpty() && !tone.asString().equals("false");
    }

    private String collect(String prompt) {
        return ctx.call().collect(new DigitRequest(List.of(Media.Prompt.of(prompt)), 1, MAX_DIGITS,
                DigitRequest.DEFAULT_FIRST_DIGIT, DigitRequest.DEFAULT_INTERDIGIT, "#")).digits();
    }

    private Next fail() {
        ctx.call().play(Media.Prompt.of("conf-too_many_attempts"), "");
        ctx.call().hangup("NORMAL_CLEARING");
        return Next.STOP;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString("")));
        return out;
    }
}
