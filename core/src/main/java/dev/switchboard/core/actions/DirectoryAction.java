package dev.switchboard.core.actions;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.switchboard.core.call.DigitRequest;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.call.SayRequest;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code directory} (spec §6.21): dial by name. The caller spells the first letters of a name on the keypad; the
 * directory's members (users whose {@code directories} map names this directory, with the callflow to run for
 * them) that match are offered one by one, and the chosen one's callflow is entered. The directory document sets
 * {@code search_fields} (first_name, last_name or both), {@code sort_by}, {@code confirm_match} for a single
 * match, and {@code min_dtmf} / {@code max_dtmf}, the fewest and most keys read. "0" leaves to "_".
 */
public final class DirectoryAction implements Action {
    private static final Duration KEY_WAIT = Duration.ofSeconds(2);
    /** KAZOO waits 2 s after a result's prompts, then 2 s more. */
    private static final Duration RESULT_WAIT = Duration.ofSeconds(4);
    private static final int MOST_KEYS = 101;
    private static final int SILENT_TRIES = 3;
    private static final String EXIT_KEY = "0";

    private record Member(String userId, String firstName, String lastName, String callflowId, String nameMedia) {
        String fullName() {
            return firstName + " " + lastName;
        }

        String firstLastKeys() {
            return keypad(firstName + lastName);
        }

        String lastFirstKeys() {
            return keypad(lastName + firstName);
        }
    }

    private record Search(String fields, int minKeys, int maxKeys, boolean confirm, List<Member> members) {
    }

    /** How one round of searching ended. */
    private sealed interface Round {
        record Silent() implements Round {
        }

        record Restart() implements Round {
        }

        record Leave() implements Round {
        }

        record GiveUp() implements Round {
        }

        record Connect(Member member) implements Round {
        }
    }

    @Override
    public String module() {
        return "directory";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String id = data.path("id").asString("");
        Optional<Document> directory = ctx.documents().get("directory", id);
        if (directory.isEmpty()) {
            ctx.event("directory:not_found:" + id);
            return Next.CONTINUE;
        }
        ctx.call().answer();
        JsonNode d = directory.get().body();
        List<Member> members = members(ctx, id, d.path("sort_by").asString("last_name").startsWith("first"));
        if (members.isEmpty()) {
            ctx.call().play(Media.Prompt.of("dir-no_results_found"), "");
            return Next.CONTINUE;
        }
        int maxKeys = d.path("max_dtmf").asInt(0);
        Search search = new Search(d.path("search_fields").asString("both"), Math.max(1, d.path("min_dtmf").asInt(3)),
                maxKeys > 0 ? maxKeys : MOST_KEYS, d.path("confirm_match").asBoolean(false), members);
        int silent = 0;
        while (silent < SILENT_TRIES) {
            switch (round(ctx, search)) {
                case Round.Silent s -> silent++;
                case Round.Restart r -> silent = 0;
                case Round.Leave l -> {
                    return Next.CONTINUE;
                }
                case Round.GiveUp g -> {
                    return Next.STOP;
                }
                case Round.Connect c -> {
                    return connect(ctx, c.member());
                }
            }
        }
        ctx.call().play(Media.Prompt.of("dir-specify_minimum"), "");
        ctx.call().play(Media.Prompt.of("dir-no_results_found"), "");
        return Next.STOP;
    }

    private static Round round(ActionContext ctx, Search search) {
        ctx.call().takeBufferedDigits();
        String first = ctx.call().collect(new DigitRequest(List.of(instructions(search.fields())), 1, 1, KEY_WAIT,
                KEY_WAIT, "")).digits();
        if (first.isEmpty()) {
            return new Round.Silent();
        }
        String more = search.maxKeys() > 1 ? ctx.call().collect(new DigitRequest(List.of(), 1,
                search.maxKeys() - 1, KEY_WAIT, KEY_WAIT, "#")).digits() : "";
        if (more.equals(EXIT_KEY) || (first + more).equals(EXIT_KEY)) {
            ctx.event("directory:exit");
            return new Round.Leave();
        }
        String keys = first + more;
        if (keys.length() < search.minKeys()) {
            ctx.call().play(Media.Prompt.of("dir-specify_minimum"), "");
            ctx.call().say(new SayRequest(String.valueOf(search.minKeys()), "number", "pronounced",
                    ctx.timezone(null).getId()), "");
            ctx.call().play(Media.Prompt.of("dir-letters_of_person_name"), "");
            return new Round.Restart();
        }
        List<Member> matches = search.members().stream().filter(m -> matches(m, keys, search.fields())).toList();
        ctx.event("directory:matches:" + matches.size());
        if (matches.isEmpty()) {
            ctx.call().play(Media.Prompt.of("dir-no_results_found"), "");
            return new Round.Restart();
        }
        if (matches.size() == 1) {
            return !search.confirm() || confirmed(ctx, matches.getFirst()) ? new Round.Connect(matches.getFirst())
                    : new Round.Restart();
        }
        return browse(ctx, matches);
    }

    private static boolean confirmed(ActionContext ctx, Member member) {
        ctx.call().takeBufferedDigits();
        String key = ctx.call().collect(new DigitRequest(List.of(Media.Prompt.of("dir-found"), name(ctx, member),
                Media.Prompt.of("dir-confirm_menu")), 1, 1, KEY_WAIT, KEY_WAIT, "")).digits();
        return key.equals("1");
    }

    /** Offers each match in turn: 1 connects, 2 goes to the next, 3 starts over. */
    private static Round browse(ActionContext ctx, List<Member> matches) {
        for (Member member : matches) {
            int silent = 0;
            boolean next = false;
            while (!next) {
                String key = ctx.call().collect(new DigitRequest(List.of(Media.Prompt.of("dir-result_number"),
                        name(ctx, member), Media.Prompt.of("dir-result_menu")), 1, 1, RESULT_WAIT, KEY_WAIT, ""))
                        .digits();
                switch (key) {
                    case "1" -> {
                        return new Round.Connect(member);
                    }
                    case "2" -> next = true;
                    case "3" -> {
                        return new Round.Restart();
                    }
                    case "" -> {
                        if (++silent >= SILENT_TRIES) {
                            ctx.call().play(Media.Prompt.of("dir-no_more_results"), "");
                            return new Round.GiveUp();
                        }
                    }
                    default -> {
                        silent = 0;
                        ctx.call().play(Media.Prompt.of("dir-invalid_key"), "");
                    }
                }
            }
        }
        ctx.call().play(Media.Prompt.of("dir-no_more_results"), "");
        return new Round.Restart();
    }

    private static Next connect(ActionContext ctx, Member member) {
        ctx.event("directory:connect:" + member.userId());
        Optional<Document> callflow = ctx.documents().get("callflow", member.callflowId());
        if (callflow.isEmpty()) {
            ctx.event("directory:callflow_not_found:" + member.callflowId());
            return Next.CONTINUE;
        }
        return CallflowBranch.into(callflow.get());
    }

    private static Media instructions(String fields) {
        return Media.Prompt.of(fields.equals("both") ? "dir-enter_person_name"
                : fields.startsWith("first") ? "dir-enter_person_firstname" : "dir-enter_person_lastname");
    }

    private static boolean matches(Member member, String keys, String fields) {
        boolean byFirst = member.firstLastKeys().startsWith(keys);
        boolean byLast = member.lastFirstKeys().startsWith(keys);
        return fields.equals("both") ? byFirst || byLast : fields.startsWith("first") ? byFirst : byLast;
    }

    /** The member's recorded name when the user has one, else the name spoken. */
    private static Media name(ActionContext ctx, Member member) {
        if (member.nameMedia() != null
                && ctx.documents().attachment(member.nameMedia(), RecordedMedia.ATTACHMENT).isPresent()) {
            return new Media.Stored(ctx.accountId(), member.nameMedia());
        }
        return new Media.Tts(member.fullName(), TtsAction.DEFAULT_VOICE, ctx.call().language());
    }

    /** Users in the directory that have a callflow to run, sorted by last name (or first name) then the other. */
    private static List<Member> members(ActionContext ctx, String directoryId, boolean byFirstName) {
        List<Member> members = new ArrayList<>();
        for (Document user : ctx.documents().ofType("user")) {
            JsonNode u = user.body();
            String callflowId = u.path("directories").path(directoryId).asString("");
            if (!callflowId.isEmpty()) {
                String nameMedia = u.path("media").path("name").asString("");
                members.add(new Member(user.id(), u.path("first_name").asString(""), u.path("last_name").asString(""),
                        callflowId, nameMedia.isEmpty() ? null : nameMedia));
            }
        }
        Comparator<Member> byFirst = Comparator.comparing(Member::firstName, String.CASE_INSENSITIVE_ORDER);
        Comparator<Member> byLast = Comparator.comparing(Member::lastName, String.CASE_INSENSITIVE_ORDER);
        members.sort(byFirstName ? byFirst.thenComparing(byLast) : byLast.thenComparing(byFirst));
        return members;
    }

    /** Letters as the keys that carry them (abc → 2 … wxyz → 9); accents are dropped first, other characters left out. */
    private static String keypad(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder keys = new StringBuilder();
        for (char c : plain.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                keys.append("22233344455566677778889999".charAt(c - 'a'));
            }
        }
        return keys.toString();
    }
}
