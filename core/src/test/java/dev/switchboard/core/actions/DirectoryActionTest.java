package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

/**
 * Keypad spellings used below: Smith 76484, Smyth 76984, Stone 78663, John 5646, Jane 5263, Amy 269. The caller
 * presses its first key while the instructions play and the rest right after, as people do.
 */
class DirectoryActionTest {
    private static final String FLOW = """
            {"module":"directory","data":{"id":"dir1"},"children":{"_":{"module":"play","data":{"id":"operator"}}}}""";

    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @BeforeEach
    void company() {
        directory("");
        user("u1", "John", "Smith", "{\"dir1\":\"cfJohn\"}");
        user("u2", "Jane", "Smyth", "{\"dir1\":\"cfJane\"}");
        user("u3", "Bob", "Jones", "{\"other\":\"cfBob\"}");
        user("u4", "Amy", "Stone", "{\"dir1\":\"cfAmy\"}");
        for (String person : new String[] {"John", "Jane", "Bob", "Amy"}) {
            docs.add("callflow", "cf" + person, "{\"flow\":{\"module\":\"play\",\"data\":{\"id\":\""
                    + person.toLowerCase(java.util.Locale.ROOT) + "\"}}}");
        }
    }

    private void directory(String extra) {
        docs.add("directory", "dir1", "{\"name\":\"Company\"" + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    private void user(String id, String first, String last, String directories) {
        docs.add("user", id, "{\"first_name\":\"" + first + "\",\"last_name\":\"" + last + "\",\"directories\":"
                + directories + "}");
    }

    private SimulationResult spell(String caller) {
        return Sim.in(docs).flow(FLOW).caller(caller).run();
    }

    @Test
    void aSingleMatchIsConnectedToItsCallflowAndTheDirectorysChildRunsAfterIt() {
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"764\"}]");
        assertThat(Sim.path(r)).containsExactly("directory→null", "play→null", "play→null");
        assertThat(r.steps().get(1).path()).isEqualTo("callflow:cfJohn/flow");
        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:dir-enter_person_name", "collect:7",
                "collect:64", "directory:matches:1", "directory:connect:u1", "play:media:john", "play:media:operator",
                "hangup:NORMAL_CLEARING");
    }

    @Test
    void withConfirmMatchTheCallerAcceptsTheNameFirst() {
        directory("\"confirm_match\":true");
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"764\"}, {\"wait_ms\": 2200}, {\"dtmf\": \"1\"}]");
        assertThat(Sim.events(r)).containsSubsequence("directory:matches:1", "play:prompt:dir-found",
                "play:tts:John Smith", "play:prompt:dir-confirm_menu", "collect:1", "directory:connect:u1",
                "play:media:john");
    }

    @Test
    void aRejectedMatchStartsOverAndThreeSilentStartsEndTheCall() {
        directory("\"confirm_match\":true");
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"764\"}, {\"wait_ms\": 2200}, {\"dtmf\": \"3\"}]");
        assertThat(Sim.events(r)).containsSubsequence("collect:3", "play:prompt:dir-enter_person_name", "collect:",
                "play:prompt:dir-enter_person_name", "collect:", "play:prompt:dir-enter_person_name", "collect:",
                "play:prompt:dir-specify_minimum", "play:prompt:dir-no_results_found");
        assertThat(Sim.events(r)).doesNotContain("directory:connect:u1", "play:media:operator");
        assertThat(Sim.path(r)).containsExactly("directory→null");
    }

    @Test
    void severalMatchesAreOfferedInTurn() {
        directory("\"min_dtmf\":2");
        SimulationResult r = spell("""
                [{"wait_ms": 500}, {"dtmf": "76"}, {"wait_ms": 2300}, {"dtmf": "2"}, {"wait_ms": 900}, {"dtmf": "1"}]""");
        assertThat(Sim.events(r)).containsSubsequence("directory:matches:2", "play:prompt:dir-result_number",
                "play:tts:John Smith", "play:prompt:dir-result_menu", "collect:2", "play:tts:Jane Smyth",
                "collect:1", "directory:connect:u2", "play:media:jane");
    }

    @Test
    void sortByFirstNameOffersJaneBeforeJohn() {
        directory("\"min_dtmf\":2,\"sort_by\":\"first_name\"");
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"76\"}, {\"wait_ms\": 2300}, {\"dtmf\": \"1\"}]");
        assertThat(Sim.events(r)).contains("directory:connect:u2");
    }

    @Test
    void threeStartsOverFromTheResults() {
        directory("\"min_dtmf\":2");
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"76\"}, {\"wait_ms\": 2300}, {\"dtmf\": \"3\"}]");
        assertThat(Sim.events(r)).containsSubsequence("collect:3", "play:prompt:dir-enter_person_name");
    }

    @Test
    void anInvalidKeyOffersTheSameNameAgainAndTheEndOfTheListStartsOver() {
        directory("\"min_dtmf\":2");
        SimulationResult r = spell("""
                [{"wait_ms": 500}, {"dtmf": "76"}, {"wait_ms": 2300}, {"dtmf": "9"}, {"wait_ms": 2900},
                 {"dtmf": "2"}, {"wait_ms": 900}, {"dtmf": "2"}]""");
        assertThat(Sim.events(r)).containsSubsequence("play:tts:John Smith", "collect:9", "play:prompt:dir-invalid_key",
                "play:tts:John Smith", "collect:2", "play:tts:Jane Smyth", "collect:2",
                "play:prompt:dir-no_more_results", "play:prompt:dir-enter_person_name");
    }

    @Test
    void aCallerSilentOnTheResultsIsLetGo() {
        directory("\"min_dtmf\":2");
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"76\"}, {\"wait_ms\": 60000}]");
        assertThat(Sim.events(r)).endsWith("play:prompt:dir-no_more_results", "hangup:NORMAL_CLEARING");
        assertThat(Sim.events(r).stream().filter(e -> e.equals("play:tts:John Smith")).count()).isEqualTo(3);
        assertThat(Sim.path(r)).containsExactly("directory→null");
    }

    @Test
    void noMatchSaysSoAndStartsOver() {
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"999\"}]");
        assertThat(Sim.events(r)).containsSubsequence("directory:matches:0", "play:prompt:dir-no_results_found",
                "play:prompt:dir-enter_person_name");
    }

    @Test
    void fewerKeysThanMinDtmfAskForMore() {
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"76\"}]");
        assertThat(Sim.events(r)).containsSubsequence("collect:6", "play:prompt:dir-specify_minimum", "say:number:3",
                "play:prompt:dir-letters_of_person_name", "play:prompt:dir-enter_person_name");
        assertThat(Sim.events(r)).noneMatch(e -> e.startsWith("directory:matches"));
    }

    @Test
    void maxDtmfCapsTheKeysRead() {
        directory("\"max_dtmf\":3");
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"76484\"}]");
        assertThat(Sim.events(r)).containsSubsequence("collect:7", "collect:64", "directory:matches:1",
                "directory:connect:u1");
    }

    @Test
    void zeroLeavesForTheDefaultChild() {
        SimulationResult alone = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"0\"}]");
        assertThat(Sim.path(alone)).containsExactly("directory→_", "play→null");
        assertThat(Sim.events(alone)).contains("directory:exit", "play:media:operator");
        SimulationResult afterALetter = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"50\"}]");
        assertThat(Sim.path(afterALetter)).containsExactly("directory→_", "play→null");
    }

    @Test
    void firstNameSearchMatchesFirstNamesOnly() {
        directory("\"search_fields\":\"first_name\"");
        SimulationResult byFirst = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"564\"}]");
        assertThat(Sim.events(byFirst)).startsWith("answer", "play:prompt:dir-enter_person_firstname")
                .contains("directory:connect:u1");
        SimulationResult byLast = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"764\"}]");
        assertThat(Sim.events(byLast)).contains("directory:matches:0");
    }

    @Test
    void lastNameSearchMatchesLastNamesOnly() {
        directory("\"search_fields\":\"last_name\"");
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"564\"}]");
        assertThat(Sim.events(r)).startsWith("answer", "play:prompt:dir-enter_person_lastname")
                .contains("directory:matches:0");
    }

    @Test
    void accentedNamesAreSpelledWithPlainLetters() {
        user("u6", "Renée", "Ölund", "{\"dir1\":\"cfAmy\"}");
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"658\"}]");
        assertThat(Sim.events(r)).contains("directory:connect:u6");
    }

    @Test
    void aRecordedNameIsPlayedInsteadOfSpeakingIt() {
        directory("\"confirm_match\":true");
        docs.add("user", "u1", """
                {"first_name":"John","last_name":"Smith","directories":{"dir1":"cfJohn"},"media":{"name":"nameJohn"}}""");
        docs.add("media", "nameJohn", "{\"name\":\"John's name\",\"media_source\":\"recording\"}");
        docs.putAttachment("nameJohn", "audio", "audio/wav", new byte[] {1, 2, 3});
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"764\"}, {\"wait_ms\": 2200}, {\"dtmf\": \"1\"}]");
        assertThat(Sim.events(r)).containsSubsequence("play:prompt:dir-found", "play:media:nameJohn")
                .doesNotContain("play:tts:John Smith");
    }

    @Test
    void aNameMediaWithoutAudioIsSpoken() {
        directory("\"confirm_match\":true");
        docs.add("user", "u1", """
                {"first_name":"John","last_name":"Smith","directories":{"dir1":"cfJohn"},"media":{"name":"nameJohn"}}""");
        docs.add("media", "nameJohn", "{\"name\":\"John's name\",\"media_source\":\"recording\"}");
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"764\"}, {\"wait_ms\": 2200}, {\"dtmf\": \"1\"}]");
        assertThat(Sim.events(r)).contains("play:tts:John Smith");
    }

    @Test
    void aMemberWhoseCallflowIsGoneLeavesForTheDefaultChild() {
        user("u5", "Zed", "Zulu", "{\"dir1\":\"cfGone\"}");
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"985\"}]");
        assertThat(Sim.path(r)).containsExactly("directory→_", "play→null");
        assertThat(Sim.events(r)).contains("directory:connect:u5", "directory:callflow_not_found:cfGone");
    }

    @Test
    void aMissingDirectoryContinuesWithoutAnswering() {
        SimulationResult r = Sim.in(docs).flow(FLOW.replace("dir1", "nope")).run();
        assertThat(Sim.path(r)).containsExactly("directory→_", "play→null");
        assertThat(r.steps().getFirst().events()).containsExactly("directory:not_found:nope");
    }

    @Test
    void aDirectoryWithoutMembersSaysSoAndContinues() {
        docs.add("directory", "empty", "{\"name\":\"Nobody\"}");
        SimulationResult r = Sim.in(docs).flow(FLOW.replace("dir1", "empty")).run();
        assertThat(Sim.path(r)).containsExactly("directory→_", "play→null");
        assertThat(r.steps().getFirst().events()).containsExactly("answer", "play:prompt:dir-no_results_found");
    }

    @Test
    void aCallerWhoHangsUpEndsTheCall() {
        SimulationResult r = spell("[{\"wait_ms\": 500}, {\"dtmf\": \"76\"}, {\"hangup\": true}]");
        assertThat(Sim.path(r)).containsExactly("directory→null");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }
}
