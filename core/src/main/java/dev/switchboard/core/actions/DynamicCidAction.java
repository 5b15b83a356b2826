package dev.switchboard.core.actions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.switchboard.core.number.NumberClassifier;
import dev.switchboard.core.call.DigitRequest;
import dev.switchboard.core.call.Digits;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.number.NumberNormalizer;
import dev.switchboard.core.routing.Route;
import dev.switchboard.core.schema.PcrePattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code dynamic_cid} (spec §6.24): the caller picks the caller ID of this call.
 * <ul>
 * <li>{@code manual} (default, and {@code list}/{@code lists} without a capture group): the caller keys in a
 * number ({@code min_digits}..{@code max_digits}, default 10, matching {@code whitelist_regex}, default
 * {@code \d+}); a rejected entry keeps the current number.</li>
 * <li>{@code static}: {@code caller_id.name} / {@code .number}.</li>
 * <li>{@code list} / {@code lists}: the capture group starts with a key naming an entry of match list {@code id}
 * (its {@code capture_group_key}); the entry's {@code name}/{@code number} become the caller ID and the rest of the
 * capture group is dialled. The key is the capture group named {@code idx_name} when given, else its first digits:
 * the entry's {@code capture_group_length} ({@code list}) or the list's {@code length} ({@code lists}), default 2.
 * The destination must route to the account's {@code no_match} callflow (any callflow with
 * {@code permit_custom_callflow}) and pass the caller's call restrictions ({@code enforce_call_restriction}).</li>
 * </ul>
 * In every mode the capture group, when there is one, becomes the number the call goes on to.
 */
public final class DynamicCidAction implements Action {
    private static final int DEFAULT_DIGITS = 10;
    private static final int DEFAULT_KEY_LENGTH = 2;
    private static final String DEFAULT_WHITELIST = "\\d+";
    private static final Media ACCEPT_TONE = new Media.Url("tone_stream://%(250,50,440)");
    private static final Media REJECT_PROMPT = Media.Prompt.of("dynamic-cid-invalid_using_default");

    private record Choice(Optional<MatchLists.Entry> entry, String destination) {
    }

    @Override
    public String module() {
        return "dynamic_cid";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String action = data.path("action").asString("manual");
        String captureGroup = ctx.state().captureGroup() == null ? "" : ctx.state().captureGroup();
        if ((action.equals("list") || action.equals("lists")) && !captureGroup.isEmpty()) {
            return fromList(ctx, data, captureGroup, action.equals("lists"));
        }
        Party own = PresentedCallerId.own(ctx);
        Party chosen = action.equals("static") ? fixed(ctx, data, own) : new Party(keyedIn(ctx, data, own), own.name());
        use(ctx, chosen);
        if (!captureGroup.isEmpty()) {
            Hunting.destination(ctx, NumberNormalizer.normalize(captureGroup));
        }
        return Next.CONTINUE;
    }

    private static String keyedIn(ActionContext ctx, JsonNode data, Party own) {
        ctx.call().answer();
        String prompt = data.path("media_id").asString("");
        Media media = ctx.media(prompt).orElse(Media.Prompt.of("dynamic-cid-enter_cid"));
        int max = data.path("max_digits").asInt(DEFAULT_DIGITS);
        int min = data.path("min_digits").asInt(DEFAULT_DIGITS);
        String whitelist = data.path("whitelist_regex").asString(DEFAULT_WHITELIST);
        Duration interdigit = Duration.ofMillis(data.path("interdigit_timeout")
                .asLong(DigitRequest.DEFAULT_INTERDIGIT.toMillis()));
        Digits digits = ctx.call().collect(new DigitRequest(List.of(new Media.Silence(100), media), 1, Math.max(1, max),
                DigitRequest.DEFAULT_FIRST_DIGIT, interdigit, "#"));
        ctx.call().takeBufferedDigits();
        String entered = digits.digits();
        boolean accepted = entered.length() >= min && PcrePattern.isValid(whitelist)
                && PcrePattern.compile(whitelist).matcher(entered).find();
        ctx.call().play(accepted ? ACCEPT_TONE : REJECT_PROMPT, "");
        return accepted ? entered : own.number();
    }

    private static Party fixed(ActionContext ctx, JsonNode data, Party own) {
        String number = data.path("caller_id").path("number").asString("");
        String name = data.path("caller_id").path("name").asString("");
        if (number.isEmpty()) {
            ctx.call().answer();
            ctx.call().play(REJECT_PROMPT, "");
        }
        return new Party(number.isEmpty() ? own.number() : number, name.isEmpty() ? own.name() : name);
    }

    private static void use(ActionContext ctx, Party chosen) {
        ctx.state().kvs().putObject("dynamic_cid").put("number", chosen.number()).put("name", chosen.name());
        ctx.event("dynamic_cid:" + chosen.number());
        PresentedCallerId.own(ctx, chosen);
    }

    private static Next fromList(ActionContext ctx, JsonNode data, String captureGroup, boolean listLength) {
        String listId = data.path("id").asString("");
        Optional<Document> list = MatchLists.list(ctx.documents(), listId);
        if (list.isEmpty()) {
            ctx.event("dynamic_cid:no_list");
            ctx.call().answer();
            ctx.call().play(Media.Prompt.of("fault-can_not_be_completed_as_dialed"), "");
            return Next.STOP;
        }
        int length = list.get().body().path("length").asInt(DEFAULT_KEY_LENGTH);
        Choice choice = choose(ctx, data, captureGroup, MatchLists.entries(ctx.documents(), listId), length, listLength);
        Party own = PresentedCallerId.own(ctx);
        if (choice.entry().isEmpty()) {
            ctx.event("dynamic_cid:no_entry");
        }
        MatchLists.Entry entry = choice.entry().orElse(null);
        String number = entry == null || entry.callerIdNumber().isEmpty() ? own.number() : entry.callerIdNumber();
        String name = entry == null || entry.callerIdName().isEmpty() ? own.name() : entry.callerIdName();
        use(ctx, new Party(number, name));
        if (choice.destination().isEmpty()) {
            return Next.CONTINUE;
        }
        String destination = NumberNormalizer.normalize(choice.destination());
        Hunting.destination(ctx, destination);
        return dial(ctx, data, destination);
    }

    private static Choice choose(ActionContext ctx, JsonNode data, String captureGroup, List<MatchLists.Entry> entries,
                                 int listLength, boolean lengthFromList) {
        String index = data.path("idx_name").asString("");
        if (!index.isEmpty()) {
            String key = ctx.state().captureGroups().getOrDefault(index, "");
            return new Choice(entries.stream().filter(e -> !key.isEmpty() && e.key().equals(key)).findFirst(),
                    captureGroup);
        }
        for (MatchLists.Entry entry : entries) {
            int length = lengthFromList ? listLength : entry.body().path("capture_group_length").asInt(listLength);
            if (length > 0 && captureGroup.length() >= length && captureGroup.substring(0, length).equals(entry.key())) {
                return new Choice(Optional.of(entry), captureGroup.substring(length));
            }
        }
        return new Choice(Optional.empty(), captureGroup.substring(Math.min(listLength, captureGroup.length())));
    }

    private static Next dial(ActionContext ctx, JsonNode data, String destination) {
        boolean anyCallflow = data.path("permit_custom_callflow").asBoolean(false);
        boolean mayUseNoMatch = !ctx.call().info().fromCarrier();
        Optional<Route> route = ctx.route(destination, mayUseNoMatch)
                .filter(r -> r.noMatch() ? mayUseNoMatch : anyCallflow);
        if (route.isEmpty()) {
            ctx.event("hunt:not_found:" + destination);
            ctx.call().answer();
            ctx.call().play(Media.Prompt.of("disa-invalid_extension"), "");
            return Next.STOP;
        }
        if (data.path("enforce_call_restriction").asBoolean(true) && restricted(ctx, destination)) {
            ctx.event("restricted:" + NumberClassifier.classify(NumberNormalizer.normalize(destination)));
            ctx.call().answer();
            ctx.call().play(Media.Prompt.of("cf-unauthorized_call"), "");
            return new Next.HardStop();
        }
        return Hunting.branch(ctx, route.get());
    }

    /** The calling device or its user denies the destination's number class. */
    private static boolean restricted(ActionContext ctx, String destination) {
        String numberClass = NumberClassifier.classify(NumberNormalizer.normalize(destination));
        return Stream.of(CallerEndpoint.device(ctx), CallerEndpoint.user(ctx))
                .flatMap(Optional::stream)
                .anyMatch(d -> d.body().path("call_restriction").path(numberClass).path("action").asString("")
                        .equals("deny"));
    }
}
