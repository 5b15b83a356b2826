package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class VoicemailActionTest {
    /** vm-person, the box number said digit by digit, vm-not_available, vm-record_message. */
    private static final int GREETING_MS = 2000 + 4 * 400 + 2000 + 2000;
    private static final int BEEP_MS = 500;

    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    VoicemailActionTest() {
        docs.add("user", "ann", """
                {"first_name":"Ann","last_name":"Lee","email":"ann@example.com"}""");
        docs.add("device", "annphone", """
                {"name":"Ann's phone","owner_id":"ann","sip":{"username":"ann"}}""");
        docs.add("vmbox", "box1", """
                {"name":"Ann","mailbox":"1001","pin":"1234","owner_id":"ann","is_setup":true,
                 "notify_email_addresses":["desk@example.com"]}""");
    }

    private static final String COMPOSE = """
            {"module":"voicemail","data":{"id":"box1"},"children":{"_":{"module":"sleep","data":{"duration":1}}}}""";

    private static final String CHECK = """
            {"module":"voicemail","data":{"action":"check","id":"box1"}}""";
    private static final Instant START = Instant.parse("2026-11-25T15:00:00Z");

    private List<Document> messages(String box) {
        return docs.find(DocumentIndexes.MESSAGE_VMBOX, box);
    }

    private Document message(String id) {
        return docs.get(id).orElseThrow();
    }

    private String folder(String id) {
        return message(id).body().path("folder").asString();
    }

    private static long gregorian(Instant at) {
        return at.getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET;
    }

    /** A message left {@code minutesAgo} before the test call, with its audio. */
    private void addMessage(String box, String id, String folder, int minutesAgo, String callerNumber) {
        docs.add("mailbox_message", id, """
                {"source_id":"%s","folder":"%s","timestamp":%d,"length":4000,"caller_id_number":"%s",
                 "caller_id_name":"Someone","media_id":"%s"}""".formatted(box, folder,
                gregorian(START.minusSeconds(60L * minutesAgo)), callerNumber, id));
        docs.putAttachment(id, "audio", "audio/wav", new byte[] {1, 2, 3});
    }

    private void setBox(String id, String json) {
        docs.add("vmbox", id, json);
    }

    @Test
    void aCallerLeavesAMessageThatIsStoredWithItsAudioBeforeTheOwnerIsTold() {
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites()
                .script(GREETING_MS + BEEP_MS + 3900, "#", 400, "1").run();

        List<Document> left = messages("box1");
        assertThat(left).hasSize(1);
        Document message = left.getFirst();
        assertThat(message.type()).isEqualTo("mailbox_message");
        assertThat(message.body().path("folder").asString()).isEqualTo("new");
        assertThat(message.body().path("length").asLong()).isEqualTo(3900);
        assertThat(message.body().path("caller_id_number").asString()).isEqualTo("+15555550100");
        assertThat(message.body().path("caller_id_name").asString()).isEqualTo("Test Caller");
        assertThat(message.body().path("media_id").asString()).isEqualTo(message.id());
        assertThat(message.body().path("timestamp").asLong())
                .isEqualTo(java.time.Instant.parse("2026-11-25T15:00:12Z").getEpochSecond()
                        + Document.GREGORIAN_UNIX_OFFSET);
        assertThat(docs.attachment(message.id(), "audio")).isPresent();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:vm-person", "say:digits:1001",
                "play:prompt:vm-not_available", "play:prompt:vm-record_message", "record:3900",
                "play:prompt:vm-review_recording", "dtmf:1", "voicemail:stored:" + message.id(), "mwi:box1:1/0",
                "email:ann@example.com,desk@example.com", "play:prompt:vm-saved", "play:prompt:vm-thank_you",
                "pause:1000", "hangup:NORMAL_CLEARING");
        assertThat(Sim.path(r)).containsExactly("voicemail→_", "sleep→null");
        assertThat(r.outcome().end()).isEqualTo("voicemail");
    }

    @Test
    void aCallerWhoHangsUpWhileRecordingStillLeavesTheMessage() {
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites().script(GREETING_MS + BEEP_MS + 3000, "hangup")
                .run();

        Document message = messages("box1").getFirst();
        assertThat(message.body().path("length").asLong()).isEqualTo(3000);
        assertThat(docs.attachment(message.id(), "audio")).isPresent();
        assertThat(Sim.events(r)).endsWith("record:3000", "voicemail:stored:" + message.id(), "mwi:box1:1/0",
                "email:ann@example.com,desk@example.com");
        assertThat(Sim.path(r)).containsExactly("voicemail→null");
        assertThat(r.outcome().end()).isEqualTo("voicemail");
    }

    @Test
    void aCallerWhoHangsUpDuringTheReviewStillLeavesTheMessage() {
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites()
                .script(GREETING_MS + BEEP_MS + 3900, "#", 500, "hangup").run();

        assertThat(messages("box1")).hasSize(1);
        assertThat(Sim.events(r)).containsSubsequence("record:3900", "play:prompt:vm-review_recording",
                "voicemail:stored:" + messages("box1").getFirst().id(), "mwi:box1:1/0");
        assertThat(Sim.events(r)).doesNotContain("play:prompt:vm-saved");
        assertThat(r.outcome().end()).isEqualTo("voicemail");
    }

    @Test
    void aMessageShorterThanHalfASecondIsDiscarded() {
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites().script(GREETING_MS + BEEP_MS + 200, "#").run();

        assertThat(messages("box1")).isEmpty();
        assertThat(Sim.events(r)).containsSubsequence("record:200", "voicemail:too_short:200", "pause:1000");
        assertThat(Sim.events(r)).doesNotContain("play:prompt:vm-review_recording").noneMatch(e -> e.startsWith("mwi:"));
        assertThat(Sim.path(r)).containsExactly("voicemail→_", "sleep→null");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void theReviewMenuPlaysTheRecordingBackThenSavesIt() {
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites()
                .script(GREETING_MS + BEEP_MS + 3900, "#", 400, "2", 2400, "1").run();

        String id = messages("box1").getFirst().id();
        assertThat(Sim.events(r)).containsSubsequence("record:3900", "play:prompt:vm-review_recording", "dtmf:2",
                "play:media:" + id, "play:prompt:vm-review_recording", "dtmf:1", "voicemail:stored:" + id,
                "play:prompt:vm-saved");
    }

    @Test
    void theReviewMenuRecordsAgainAndKeepsOnlyTheNewTake() {
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites()
                .script(GREETING_MS + BEEP_MS + 3900, "#", 400, "3", 2400, "#", 400, "1").run();

        assertThat(messages("box1")).hasSize(1);
        assertThat(messages("box1").getFirst().body().path("length").asLong()).isEqualTo(2000);
        assertThat(Sim.events(r)).containsSubsequence("record:3900", "dtmf:3", "record:2000", "dtmf:1",
                "voicemail:stored:" + messages("box1").getFirst().id());
    }

    @Test
    void aCallerWhoNeverAnswersTheReviewHasTheMessageSaved() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"voicemail","data":{"id":"box1","max_message_length":5}}""").keepWrites().run();

        assertThat(messages("box1")).hasSize(1);
        assertThat(Sim.events(r)).containsSubsequence("record:5000", "play:prompt:vm-review_recording", "collect:",
                "play:prompt:vm-review_recording", "collect:", "play:prompt:vm-review_recording", "collect:",
                "play:prompt:vm-review_recording", "collect:", "voicemail:stored:" + messages("box1").getFirst().id(),
                "play:prompt:vm-saved", "play:prompt:vm-thank_you");
    }

    @Test
    void zeroDuringTheGreetingBranchesToTheOperatorsCallflow() {
        docs.add("callflow", "operator", """
                {"numbers":["0"],"flow":{"module":"sleep","data":{"duration":2}}}""");
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites().script(1000, "0").run();

        assertThat(Sim.path(r)).containsExactly("voicemail→null", "sleep→null", "sleep→null");
        assertThat(r.steps().get(1).path()).isEqualTo("callflow:operator/flow");
        assertThat(Sim.events(r)).containsSubsequence("play:prompt:vm-person", "dtmf:0", "pause:2000", "pause:1000");
        assertThat(messages("box1")).isEmpty();
    }

    @Test
    void zeroInTheReviewSavesTheMessageThenBranchesToTheOperator() {
        docs.add("vmbox", "box1", """
                {"name":"Ann","mailbox":"1001","pin":"1234","owner_id":"ann","is_setup":true,"operator_number":"2000"}""");
        docs.add("callflow", "reception", """
                {"numbers":["2000"],"flow":{"module":"sleep","data":{"duration":2}}}""");
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites()
                .script(GREETING_MS + BEEP_MS + 3900, "#", 400, "0").run();

        String id = messages("box1").getFirst().id();
        assertThat(Sim.events(r)).containsSubsequence("dtmf:0", "voicemail:stored:" + id, "mwi:box1:1/0",
                "play:prompt:vm-saved", "pause:2000");
        assertThat(Sim.events(r)).doesNotContain("play:prompt:vm-thank_you");
        assertThat(r.steps().get(1).path()).isEqualTo("callflow:reception/flow");
        assertThat(r.outcome().end()).isEqualTo("voicemail");
    }

    @Test
    void zeroWithoutAnOperatorCallflowRecordsInstead() {
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites().script(1000, "0", 3400, "#", 400, "1").run();

        assertThat(Sim.events(r)).containsSubsequence("dtmf:0", "record:3000", "dtmf:1",
                "voicemail:stored:" + messages("box1").getFirst().id());
    }

    @Test
    void starDuringTheGreetingLogsInToTheBox() {
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites().script(1000, "*", 400, "1234#", 500, "#").run();

        assertThat(Sim.events(r)).containsSubsequence("play:prompt:vm-person", "dtmf:*", "play:prompt:vm-enter_pass",
                "collect:1234", "voicemail:pin_login", "play:prompt:vm-no_messages", "dtmf:#", "mwi:box1:0/0");
        assertThat(Sim.path(r)).containsExactly("voicemail→_", "sleep→null");
        assertThat(messages("box1")).isEmpty();
    }

    @Test
    void aFullBoxTurnsCallersAwayAndTellsTheOwner() {
        for (int i = 0; i < 100; i++) {
            addMessage("box1", "old" + i, i % 2 == 0 ? "new" : "saved", 100 + i, "+15555550111");
        }
        addMessage("box1", "gone", "deleted", 5, "+15555550111");
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites().run();

        assertThat(Sim.events(r)).containsExactly("answer", "voicemail:full", "email:ann@example.com,desk@example.com",
                "play:prompt:vm-person", "say:digits:1001", "play:prompt:vm-not_available",
                "play:prompt:vm-mailbox_full", "pause:1000", "hangup:NORMAL_CLEARING");
        assertThat(messages("box1")).hasSize(101);
        assertThat(Sim.path(r)).containsExactly("voicemail→_", "sleep→null");
    }

    @Test
    void theFullBoxNoticeGoesOnceUntilTheBoxHasRoomAgain() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","pin":"1234","owner_id":"ann","is_setup":true,"max_message_count":1,
                 "notify_email_addresses":["desk@example.com"]}""");
        addMessage("box1", "m1", "new", 5, "+15555550111");

        assertThat(Sim.events(Sim.in(docs).flow(COMPOSE).keepWrites().run()))
                .contains("voicemail:full", "email:ann@example.com,desk@example.com");
        assertThat(Sim.events(Sim.in(docs).flow(COMPOSE).keepWrites().run()))
                .contains("voicemail:full", "voicemail:full_already_notified").noneMatch(e -> e.startsWith("email:"));

        docs.add("mailbox_message", "m1", Json.write(message("m1").body().deepCopy().put("folder", "deleted")));
        SimulationResult roomy = Sim.in(docs).flow(COMPOSE).keepWrites()
                .script(GREETING_MS + BEEP_MS + 3000, "hangup").run();
        assertThat(Sim.events(roomy)).doesNotContain("voicemail:full").contains("email:ann@example.com,desk@example.com");

        assertThat(Sim.events(Sim.in(docs).flow(COMPOSE).keepWrites().run()))
                .as("full again: told again").contains("voicemail:full", "email:ann@example.com,desk@example.com");
    }

    @Test
    void starOnAFullBoxLogsIn() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","pin":"1234","owner_id":"ann","is_setup":true,"max_message_count":1}""");
        addMessage("box1", "m1", "new", 5, "+15555550111");
        SimulationResult r = Sim.in(docs).flow(COMPOSE).script(1000, "*", 400, "1234#", 500, "#").run();

        assertThat(Sim.events(r)).containsSubsequence("voicemail:full", "play:prompt:vm-person", "dtmf:*",
                "play:prompt:vm-enter_pass", "voicemail:pin_login", "play:prompt:vm-you_have");
    }

    @Test
    void aMissingBoxSaysSoAndContinues() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"voicemail","data":{"id":"nobox"},"children":{"_":{"module":"sleep","data":{"duration":1}}}}""")
                .run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:vm-not_available_no_voicemail", "pause:1000",
                "hangup:NORMAL_CLEARING");
        assertThat(Sim.path(r)).containsExactly("voicemail→_", "sleep→null");
    }

    @Test
    void theCaptureGroupNamesTheBoxByItsNumber() {
        docs.add("callflow", "vmcf", """
                {"patterns":["^\\\\*\\\\*(\\\\d+)$"],"flow":{"module":"voicemail","data":{}}}""");
        SimulationResult r = Sim.in(docs).to("**01001").keepWrites().script(GREETING_MS + BEEP_MS + 3900, "hangup")
                .run();

        assertThat(messages("box1")).hasSize(1);
        assertThat(Sim.events(r)).contains("say:digits:1001");
    }

    @Test
    void theOwnerCallingTheirOwnBoxIsLoggedInWithoutAPin() {
        SimulationResult r = Sim.in(docs).flow(COMPOSE).fromDevice("annphone").script(500, "#").run();

        assertThat(Sim.events(r)).containsExactly("answer", "voicemail:owner_login", "play:prompt:vm-no_messages",
                "dtmf:#", "mwi:box1:0/0", "pause:1000", "hangup:NORMAL_CLEARING");
    }

    @Test
    void theOwnerReachingTheirBoxAfterAnotherActionLeavesAMessage() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"play","data":{},"children":{"_":{"module":"voicemail","data":{"id":"box1"}}}}""")
                .fromDevice("annphone").keepWrites().script(GREETING_MS + BEEP_MS + 3000, "hangup").run();

        assertThat(messages("box1")).hasSize(1);
        assertThat(Sim.events(r)).doesNotContain("voicemail:owner_login");
    }

    @Test
    void anAnnouncementOnlyBoxPlaysTheGreetingAndTakesNoMessage() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann","is_setup":true,"announcement_only":true,
                 "media":{"unavailable":"greeting1"}}""");
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites().run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:media:greeting1", "pause:1000",
                "hangup:NORMAL_CLEARING");
        assertThat(messages("box1")).isEmpty();
    }

    @Test
    void aTemporaryGreetingWinsOverTheRecordedOne() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann","is_setup":true,
                 "media":{"unavailable":"greeting1","temporary_unavailable":"away1"}}""");
        SimulationResult r = Sim.in(docs).flow(COMPOSE).script(5000, "hangup").run();

        assertThat(Sim.events(r)).startsWith("answer", "play:media:away1", "play:prompt:vm-record_message");
    }

    @Test
    void theIntroAndTheGenericPersonNotAvailableGreetingWithoutInstructions() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann","is_setup":true,"play_greeting_intro":true,
                 "use_person_not_available":true,"skip_instructions":true}""");
        SimulationResult r = Sim.in(docs).flow(COMPOSE).script(6000, "hangup").run();

        assertThat(Sim.events(r)).startsWith("answer", "play:prompt:vm-greeting_intro",
                "play:prompt:vm-person_not_available", "record:1500");
    }

    @Test
    void saveAfterNotifyFilesTheMessageAwayOnceTheOwnerWasTold() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann","is_setup":true,"save_after_notify":true,
                 "delete_after_notify":true,"include_message_on_notify":false}""");
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites().script(GREETING_MS + BEEP_MS + 3000, "hangup")
                .run();

        Document message = messages("box1").getFirst();
        assertThat(message.body().path("folder").asString()).isEqualTo("saved");
        assertThat(Sim.events(r)).containsSubsequence("voicemail:stored:" + message.id(), "mwi:box1:1/0",
                "email:ann@example.com", "voicemail:saved:" + message.id());
    }

    @Test
    void aMessageNobodyWasToldAboutStaysNewEvenWhenTheBoxDeletesNotifiedOnes() {
        docs.add("user", "ann", """
                {"first_name":"Ann","last_name":"Lee","email":"ann@example.com","vm_to_email_enabled":false}""");
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann","is_setup":true,"delete_after_notify":true}""");
        SimulationResult r = Sim.in(docs).flow(COMPOSE).keepWrites().script(GREETING_MS + BEEP_MS + 3000, "hangup")
                .run();

        assertThat(messages("box1").getFirst().body().path("folder").asString()).isEqualTo("new");
        assertThat(Sim.events(r)).noneMatch(e -> e.startsWith("email:"));
    }

    // ---- check ----

    @Test
    void aWrongPinThenTheRightOneLetsTheCallerIn() {
        SimulationResult r = Sim.in(docs).flow(CHECK).keepWrites().script(100, "9999#", 2500, "1234#", 500, "#").run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:vm-enter_pass", "collect:9999",
                "voicemail:wrong_pin:1", "play:prompt:vm-fail_auth", "play:prompt:vm-enter_pass", "collect:1234",
                "voicemail:pin_login", "play:prompt:vm-no_messages", "dtmf:#", "mwi:box1:0/0",
                "hangup:NORMAL_CLEARING");
        assertThat(docs.get("box1").orElseThrow().body().has("pvt_failed_logins")).isFalse();
        assertThat(Sim.path(r)).containsExactly("voicemail→null");
    }

    @Test
    void threeWrongPinsEndTheLogin() {
        SimulationResult r = Sim.in(docs).flow(CHECK).keepWrites()
                .script(100, "1111#", 2500, "2222#", 2500, "3333#", 500, "1234#").run();

        assertThat(Sim.events(r)).containsSubsequence("voicemail:wrong_pin:1", "voicemail:wrong_pin:2",
                "voicemail:wrong_pin:3", "play:prompt:vm-fail_auth", "voicemail:locked", "play:prompt:vm-abort");
        assertThat(Sim.events(r)).doesNotContain("voicemail:pin_login");
    }

    @Test
    void wrongPinsCountAcrossCallsAndLockTheBoxForHalfAnHour() {
        SimulationResult first = Sim.in(docs).flow(CHECK).keepWrites()
                .script(100, "1111#", 2500, "2222#", 1000, "hangup").run();
        assertThat(Sim.events(first)).contains("voicemail:wrong_pin:2");
        assertThat(docs.get("box1").orElseThrow().body().path("pvt_failed_logins").asInt()).isEqualTo(2);

        SimulationResult second = Sim.in(docs).flow(CHECK).keepWrites().at("2026-11-25T15:01:00Z")
                .script(100, "3333#").run();
        assertThat(Sim.events(second)).containsSubsequence("collect:3333", "voicemail:wrong_pin:3",
                "play:prompt:vm-fail_auth", "voicemail:locked", "play:prompt:vm-abort");

        SimulationResult locked = Sim.in(docs).flow(CHECK).keepWrites().at("2026-11-25T15:20:00Z")
                .script(100, "1234#").run();
        assertThat(Sim.events(locked)).containsExactly("answer", "voicemail:locked", "play:prompt:vm-abort",
                "hangup:NORMAL_CLEARING");

        SimulationResult later = Sim.in(docs).flow(CHECK).keepWrites().at("2026-11-25T15:32:00Z")
                .script(100, "1234#", 500, "#").run();
        assertThat(Sim.events(later)).contains("voicemail:pin_login");
        assertThat(docs.get("box1").orElseThrow().body().has("pvt_failed_logins")).isFalse();
    }

    @Test
    void theOwnerKeepsOneMessageAndDeletesTheOtherWithKeys() {
        addMessage("box1", "older", "new", 60, "+15555550111");
        addMessage("box1", "newer", "new", 1, "+15555550122");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(6000, "1", 400, "1", 2400, "7", 6900, "#").run();

        assertThat(Sim.events(r)).containsSubsequence("voicemail:owner_login", "play:prompt:vm-you_have",
                "say:number:2", "play:prompt:vm-new_messages", "play:prompt:vm-main_menu", "dtmf:1",
                "play:prompt:vm-message_number", "dtmf:1", "voicemail:saved:newer", "mwi:box1:1/1",
                "play:prompt:vm-saved", "play:prompt:vm-message_number", "dtmf:7", "voicemail:deleted:older",
                "mwi:box1:0/1", "play:prompt:vm-deleted", "play:prompt:vm-you_have", "say:number:1",
                "play:prompt:vm-saved_message", "play:prompt:vm-main_menu", "dtmf:#", "mwi:box1:0/1");
        assertThat(folder("newer")).isEqualTo("saved");
        assertThat(folder("older")).isEqualTo("deleted");
    }

    @Test
    void aMessageIsAnnouncedWithItsDateInTheBoxTimeZone() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann","is_setup":true,"timezone":"Europe/Paris"}""");
        addMessage("box1", "m1", "new", 90, "+15555550111");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "1", 11400, "0", 2900, "#").run();

        assertThat(Sim.events(r)).containsSubsequence("dtmf:1", "play:prompt:vm-message_number", "say:number:1",
                "play:media:m1", "play:prompt:vm-received",
                "say:date_time:" + gregorian(START.minusSeconds(5400)) + "@Europe/Paris",
                "play:prompt:vm-message_menu", "dtmf:0", "voicemail:saved:m1", "play:prompt:vm-saved",
                "play:prompt:vm-you_have", "dtmf:#");
        assertThat(folder("m1")).isEqualTo("saved");
    }

    @Test
    void withoutABoxTimeZoneTheDateIsToldInTheOwnersThenTheAccounts() {
        addMessage("box1", "m1", "new", 90, "+15555550111");
        SimulationResult account = Sim.in(docs).flow(CHECK).fromDevice("annphone").script(500, "1", 11400, "0").run();
        assertThat(Sim.events(account)).anyMatch(e -> e.endsWith("@America/New_York"));

        docs.add("user", "ann", """
                {"first_name":"Ann","last_name":"Lee","email":"ann@example.com","timezone":"Asia/Tokyo"}""");
        SimulationResult owner = Sim.in(docs).flow(CHECK).fromDevice("annphone").script(500, "1", 11400, "0").run();
        assertThat(Sim.events(owner)).anyMatch(e -> e.endsWith("@Asia/Tokyo"));
    }

    @Test
    void skipEnvelopeLeavesTheDateOut() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann","is_setup":true,"skip_envelope":true}""");
        addMessage("box1", "m1", "new", 90, "+15555550111");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").script(500, "1", 4400, "0").run();

        assertThat(Sim.events(r)).containsSubsequence("play:media:m1", "play:prompt:vm-message_menu", "dtmf:0")
                .doesNotContain("play:prompt:vm-received");
    }

    @Test
    void nextPreviousAndReplayMoveThroughTheFolderNewestFirst() {
        addMessage("box1", "older", "new", 60, "+15555550111");
        addMessage("box1", "newer", "new", 1, "+15555550122");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "1", 4900, "6", 4900, "6", 4900, "4", 4900, "2", 4900, "0", 2400, "#").run();

        assertThat(Sim.events(r).stream().filter(e -> e.startsWith("play:media:")))
                .containsExactly("play:media:newer", "play:media:older", "play:media:older", "play:media:newer",
                        "play:media:newer");
        assertThat(folder("newer")).isEqualTo("saved");
        assertThat(folder("older")).isEqualTo("new");
    }

    @Test
    void oldestMessageFirstReversesTheOrder() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann","is_setup":true,"oldest_message_first":true}""");
        addMessage("box1", "older", "new", 60, "+15555550111");
        addMessage("box1", "newer", "new", 1, "+15555550122");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").script(500, "1", 4900, "0", 2400, "#")
                .run();

        assertThat(Sim.events(r).stream().filter(e -> e.startsWith("play:media:"))).containsExactly("play:media:older");
    }

    @Test
    void threeUnansweredMessageMenusGoBackToTheMainMenu() {
        addMessage("box1", "m1", "new", 60, "+15555550111");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites().script(500, "1").run();

        assertThat(Sim.events(r)).containsSubsequence("play:prompt:vm-message_menu", "collect:",
                "play:prompt:menu-invalid_entry", "play:prompt:vm-message_menu", "collect:",
                "play:prompt:menu-invalid_entry", "play:prompt:vm-message_menu", "collect:",
                "play:prompt:menu-invalid_entry", "play:prompt:vm-you_have");
        assertThat(folder("m1")).isEqualTo("new");
    }

    @Test
    void aMessageIsForwardedToAnotherBoxWhoseOwnerIsTold() {
        docs.add("user", "bob", """
                {"first_name":"Bob","last_name":"Ray","email":"bob@example.com"}""");
        setBox("box2", """
                {"name":"Bob","mailbox":"1002","owner_id":"bob","is_setup":true}""");
        addMessage("box1", "m1", "new", 60, "+15555550111");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "1", 400, "3", 400, "1001#", 2400, "1002#", 3000, "#").run();

        List<Document> forwarded = messages("box2");
        assertThat(forwarded).hasSize(1);
        Document copy = forwarded.getFirst();
        assertThat(copy.body().path("folder").asString()).isEqualTo("new");
        assertThat(copy.body().path("caller_id_number").asString()).isEqualTo("+15555550111");
        assertThat(copy.body().path("media_id").asString()).isEqualTo(copy.id());
        assertThat(docs.attachment(copy.id(), "audio")).isPresent();
        assertThat(folder("m1")).isEqualTo("saved");
        assertThat(Sim.events(r)).containsSubsequence("dtmf:3", "play:prompt:vm-enter_forward_id", "collect:1001",
                "play:prompt:menu-invalid_entry", "play:prompt:vm-enter_forward_id", "collect:1002",
                "voicemail:stored:" + copy.id(), "mwi:box2:1/0", "email:bob@example.com", "voicemail:saved:m1",
                "mwi:box1:0/1", "play:prompt:vm-saved");
    }

    @Test
    void forwardingGivesUpAfterThreeUnknownBoxes() {
        addMessage("box1", "m1", "new", 60, "+15555550111");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "1", 400, "3", 400, "7777#", 2400, "8888#", 2400, "9999#", 3000, "#").run();

        assertThat(Sim.events(r)).containsSubsequence("collect:7777", "play:prompt:menu-invalid_entry",
                "collect:8888", "play:prompt:menu-invalid_entry", "collect:9999", "play:prompt:menu-invalid_entry",
                "play:prompt:vm-forward_abort", "voicemail:saved:m1");
        assertThat(docs.ofType("mailbox_message")).hasSize(1);
    }

    @Test
    void nineCallsTheCallerBackThroughTheCallflowThatReachesTheirNumber() {
        docs.add("callflow", "out", """
                {"numbers":["no_match"],"flow":{"module":"sleep","data":{"duration":3}}}""");
        addMessage("box1", "m1", "new", 60, "4155550123");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites().script(500, "1", 400, "9")
                .run();

        assertThat(Sim.events(r)).containsSubsequence("dtmf:9", "voicemail:callback:+14155550123",
                "voicemail:saved:m1", "pause:3000");
        assertThat(Sim.path(r)).containsExactly("voicemail→null", "sleep→null");
        assertThat(r.steps().get(1).path()).isEqualTo("callflow:out/flow");
    }

    @Test
    void aCallbackTheCallersRestrictionsDenyIsRefused() {
        docs.add("device", "annphone", """
                {"name":"Ann's phone","owner_id":"ann","call_restriction":{"did_us":{"action":"deny"}}}""");
        docs.add("callflow", "out", """
                {"numbers":["no_match"],"flow":{"module":"sleep","data":{"duration":3}}}""");
        addMessage("box1", "m1", "new", 60, "4155550123");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "1", 400, "9", 400, "0", 400, "#").run();

        assertThat(Sim.events(r)).containsSubsequence("dtmf:9", "voicemail:callback_denied:+14155550123",
                "play:prompt:cf-unauthorized_call", "play:prompt:vm-message_menu", "collect:0", "voicemail:saved:m1");
        assertThat(Sim.path(r)).containsExactly("voicemail→null");
    }

    @Test
    void theSettingsMenuRecordsTheGreetingIntoAMediaDocument() {
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "5", 400, "1", 5400, "#", 400, "1", 2400, "0", 400, "#").run();

        String mediaId = docs.get("box1").orElseThrow().body().path("media").path("unavailable").asString();
        Document media = docs.get(mediaId).orElseThrow();
        assertThat(media.type()).isEqualTo("media");
        assertThat(media.body().path("media_source").asString()).isEqualTo("recording");
        assertThat(media.body().path("source_id").asString()).isEqualTo("box1");
        assertThat(media.body().path("name").asString()).isEqualTo("mailbox 1001 unavailable greeting");
        assertThat(docs.attachment(mediaId, "audio")).isPresent();
        assertThat(Sim.events(r)).containsSubsequence("dtmf:5", "play:prompt:vm-settings_menu", "dtmf:1",
                "play:prompt:vm-record_greeting", "record:3000", "play:prompt:vm-review_recording", "dtmf:1",
                "voicemail:recorded:unavailable:" + mediaId, "play:prompt:vm-saved", "play:prompt:vm-settings_menu",
                "dtmf:0", "play:prompt:vm-no_messages", "dtmf:#");
    }

    @Test
    void reRecordingAGreetingReusesItsMediaDocumentButNotAnUploadedOne() {
        docs.add("media", "recorded", """
                {"name":"old","media_source":"recording"}""");
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann","is_setup":true,"media":{"unavailable":"recorded"}}""");
        Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "5", 400, "1", 5400, "#", 400, "1", 2400, "0", 400, "#").run();
        assertThat(docs.get("box1").orElseThrow().body().path("media").path("unavailable").asString())
                .isEqualTo("recorded");
        assertThat(docs.attachment("recorded", "audio")).isPresent();

        docs.add("media", "uploaded", """
                {"name":"studio","media_source":"upload"}""");
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann","is_setup":true,"media":{"unavailable":"uploaded"}}""");
        Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "5", 400, "1", 5400, "#", 400, "1", 2400, "0", 400, "#").run();
        assertThat(docs.get("box1").orElseThrow().body().path("media").path("unavailable").asString())
                .isNotEqualTo("uploaded");
        assertThat(docs.attachment("uploaded", "audio")).isEmpty();
    }

    @Test
    void aGreetingTheCallerDoesNotKeepIsDropped() {
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "5", 400, "1", 5400, "#", 30000, "0", 400, "#").run();

        assertThat(docs.get("box1").orElseThrow().body().path("media").has("unavailable")).isFalse();
        assertThat(Sim.events(r)).containsSubsequence("record:3000", "play:prompt:vm-review_recording",
                "play:prompt:vm-review_recording", "play:prompt:vm-review_recording",
                "play:prompt:vm-review_recording", "play:prompt:vm-deleted", "play:prompt:vm-settings_menu");
        assertThat(docs.ofType("media")).isEmpty();
    }

    @Test
    void theRecordedNameGoesToTheOwner() {
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "5", 400, "2", 5400, "#", 400, "1", 2400, "0", 400, "#").run();

        String mediaId = docs.get("ann").orElseThrow().body().path("media").path("name").asString();
        assertThat(docs.get(mediaId).orElseThrow().body().path("name").asString()).isEqualTo("mailbox 1001 users name");
        assertThat(Sim.events(r)).contains("play:prompt:vm-record_name", "voicemail:recorded:name:" + mediaId);
    }

    @Test
    void aTemporaryGreetingIsRecordedThenDeleted() {
        Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "5", 400, "4", 5400, "#", 400, "1", 2400, "0", 400, "#").run();
        String temporary = docs.get("box1").orElseThrow().body().path("media").path("temporary_unavailable")
                .asString();
        assertThat(docs.get(temporary)).isPresent();

        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "5", 400, "5", 2400, "0", 400, "#").run();
        assertThat(docs.get("box1").orElseThrow().body().path("media").has("temporary_unavailable")).isFalse();
        assertThat(Sim.events(r)).containsSubsequence("dtmf:5", "voicemail:temporary_greeting_deleted",
                "play:prompt:vm-saved", "play:prompt:vm-settings_menu", "dtmf:0");
    }

    @Test
    void announcementOnlyIsToggledFromTheSettings() {
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "5", 400, "6", 2400, "6", 2400, "6", 2400, "0", 400, "#").run();

        assertThat(Sim.events(r)).containsSubsequence("play:prompt:vm-settings_menu", "dtmf:6",
                "voicemail:announcement_only:true", "play:prompt:vm-saved",
                "play:prompt:vm-settings_menu_announcement_on", "dtmf:6", "voicemail:announcement_only:false",
                "play:prompt:vm-settings_menu", "dtmf:6", "voicemail:announcement_only:true");
        assertThat(docs.get("box1").orElseThrow().body().path("announcement_only").asBoolean()).isTrue();
    }

    @Test
    void thePinIsChangedFromTheSettings() {
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "5", 400, "3", 400, "5678#", 500, "5678#", 2500, "0", 400, "#").run();

        assertThat(docs.get("box1").orElseThrow().body().path("pin").asString()).isEqualTo("5678");
        assertThat(Sim.events(r)).containsSubsequence("play:prompt:vm-enter_new_pin", "collect:5678",
                "play:prompt:vm-enter_new_pin_confirm", "collect:5678", "voicemail:pin_changed",
                "play:prompt:vm-pin_set", "play:prompt:vm-settings_menu", "dtmf:0");
    }

    @Test
    void aPinThatIsTooShortOrNotConfirmedIsRefused() {
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(500, "5", 400, "3", 400, "12#", 500, "12#", 2500, "5678#", 500, "5679#", 2500, "0000#",
                        500, "0000#", 2500, "0", 400, "#").run();

        assertThat(docs.get("box1").orElseThrow().body().path("pin").asString()).isEqualTo("0000");
        assertThat(Sim.events(r)).containsSubsequence("collect:12", "collect:12", "play:prompt:vm-pin_invalid",
                "collect:5678", "collect:5679", "play:prompt:vm-pin_invalid", "collect:0000", "collect:0000",
                "play:prompt:vm-pin_set");
    }

    @Test
    void theFirstLoginRunsTheSetupWizard() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann","require_pin":true}""");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites()
                .script(2500, "5678#", 500, "5678#", 8400, "#", 400, "1", 4500, "#").run();

        assertThat(Sim.events(r)).containsSubsequence("voicemail:owner_login", "play:prompt:vm-setup_intro",
                "play:prompt:vm-enter_new_pin", "collect:5678", "play:prompt:vm-enter_new_pin_confirm",
                "collect:5678", "play:prompt:vm-pin_set", "play:prompt:vm-setup_rec_greeting",
                "play:prompt:vm-record_greeting", "record:2000", "play:prompt:vm-review_recording", "dtmf:1",
                "play:prompt:vm-saved", "voicemail:setup_complete", "play:prompt:vm-setup_complete",
                "play:prompt:vm-no_messages", "dtmf:#");
        var box = docs.get("box1").orElseThrow().body();
        assertThat(box.path("is_setup").asBoolean()).isTrue();
        assertThat(box.path("pin").asString()).isEqualTo("5678");
        assertThat(box.path("media").path("unavailable").asString()).isNotEmpty();
    }

    @Test
    void aSetupWithoutAValidPinSaysGoodbyeAndHangsUp() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann"}""");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").keepWrites().run();

        assertThat(Sim.events(r)).containsSubsequence("play:prompt:vm-setup_intro", "play:prompt:vm-enter_new_pin",
                "play:prompt:vm-pin_invalid", "play:prompt:vm-enter_new_pin", "play:prompt:vm-pin_invalid",
                "play:prompt:vm-enter_new_pin", "play:prompt:vm-enter_new_pin_confirm", "play:prompt:vm-goodbye",
                "hangup:NORMAL_CLEARING");
        assertThat(Sim.events(r).stream().filter(e -> e.equals("play:prompt:vm-pin_invalid"))).hasSize(2);
        assertThat(docs.get("box1").orElseThrow().body().has("is_setup")).isFalse();
        assertThat(Sim.path(r)).containsExactly("voicemail→null");
    }

    @Test
    void anUnknownBoxIsAskedForByNumber() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"voicemail","data":{"action":"check"}}""")
                .script(500, "1001#", 500, "1234#", 500, "#").run();

        assertThat(Sim.events(r)).containsSubsequence("play:prompt:vm-enter_id", "collect:1001",
                "play:prompt:vm-enter_pass", "collect:1234", "voicemail:pin_login", "mwi:box1:0/0");
    }

    @Test
    void threeUnknownBoxNumbersAbort() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"voicemail","data":{"action":"check"}}""")
                .script(500, "7#", 2500, "8#").run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:vm-enter_id", "collect:7",
                "play:prompt:menu-invalid_entry", "play:prompt:vm-enter_id", "collect:8",
                "play:prompt:menu-invalid_entry", "play:prompt:vm-enter_id", "collect:",
                "play:prompt:menu-invalid_entry", "play:prompt:vm-abort", "hangup:NORMAL_CLEARING");
    }

    @Test
    void aBoxWithoutAPinCannotBeCheckedByOthers() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann","is_setup":true}""");
        SimulationResult r = Sim.in(docs).flow(CHECK).run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:vm-no_access", "hangup:NORMAL_CLEARING");
    }

    @Test
    void theOwnerMustEnterThePinWhenTheBoxRequiresIt() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","pin":"1234","owner_id":"ann","is_setup":true,"require_pin":true}""");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").script(100, "1234#", 500, "#").run();

        assertThat(Sim.events(r)).containsSubsequence("play:prompt:vm-enter_pass", "collect:1234",
                "voicemail:pin_login").doesNotContain("voicemail:owner_login");
    }

    @Test
    void theCallersOnlyBoxIsFoundWithSingleMailboxLogin() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"voicemail","data":{"action":"check","single_mailbox_login":true}}""")
                .fromDevice("annphone").script(500, "#").run();

        assertThat(Sim.events(r)).startsWith("answer", "voicemail:owner_login");
    }

    @Test
    void theCallersBoxIsFoundByCallerIdWithCallerIdMatchLogin() {
        setBox("box2", """
                {"name":"Ann mobile","mailbox":"+15555550100","pin":"1111","owner_id":"ann","is_setup":true}""");
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"voicemail","data":{"action":"check","callerid_match_login":true}}""")
                .fromDevice("annphone").script(500, "#").run();

        assertThat(Sim.events(r)).startsWith("answer", "voicemail:owner_login").contains("mwi:box2:0/0");
    }

    @Test
    void fourUnansweredMainMenusSayGoodbye() {
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").script(2500, "8").run();

        assertThat(Sim.events(r).stream().filter(e -> e.equals("play:prompt:vm-main_menu"))).hasSize(4);
        assertThat(Sim.events(r)).endsWith("play:prompt:vm-goodbye", "mwi:box1:0/0", "hangup:NORMAL_CLEARING");
    }

    @Test
    void aBoxThatIsNotConfigurableHasNoSettingsMenu() {
        setBox("box1", """
                {"name":"Ann","mailbox":"1001","owner_id":"ann","is_setup":true,"not_configurable":true}""");
        SimulationResult r = Sim.in(docs).flow(CHECK).fromDevice("annphone").script(2500, "5", 2400, "#").run();

        assertThat(Sim.events(r)).containsSubsequence("play:prompt:vm-main_menu_not_configurable", "dtmf:5",
                "play:prompt:vm-main_menu_not_configurable", "dtmf:#").doesNotContain("play:prompt:vm-settings_menu");
    }

    @Test
    void anUnknownActionContinues() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"voicemail","data":{"action":"listen","id":"box1"},"children":{"_":{"module":"sleep","data":{}}}}""")
                .run();

        assertThat(Sim.path(r)).containsExactly("voicemail→_", "sleep→null");
        assertThat(Sim.events(r)).containsExactly("pause:0", "hangup:NORMAL_CLEARING");
    }
}
