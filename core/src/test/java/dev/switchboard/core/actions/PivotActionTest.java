package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.engine.WebClient;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class PivotActionTest {
    private static final String URL = "http://pivot.example/voice";
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static String pivot(String data) {
        return "{\"module\":\"pivot\",\"data\":" + data + ",\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"pivot-failed\"}}}}";
    }

    private static String twiml(String extra) {
        return pivot("{\"voice_url\":\"" + URL + "\",\"method\":\"post\",\"req_format\":\"twiml\"" + extra + "}");
    }

    private static String kazoo() {
        return pivot("{\"voice_url\":\"" + URL + "\",\"method\":\"POST\"}");
    }

    private static String response(String verbs) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + verbs + "</Response>";
    }

    private static WebClient.Response ok(String body) {
        return new WebClient.Response(200, body.startsWith("<") ? "application/xml" : "application/json", body);
    }

    // KAZOO format

    @Test
    void aKazooAnswerIsACallflowTheCallBranchesTo() {
        SimulationResult r = Sim.in(docs).http(URL, "{\"module\":\"play\",\"data\":{\"id\":\"from-server\"}}")
                .flow(kazoo()).run();
        assertThat(Sim.path(r)).containsExactly("pivot→null", "play→null", "play→null");
        assertThat(r.steps().get(1).path()).isEqualTo("pivot/flow");
        assertThat(Sim.events(r)).containsSubsequence("http:POST:" + URL, "play:media:from-server");
    }

    @Test
    void getIsTheDefaultAndSendsTheCallsParametersInTheQuery() {
        LiveSim call = LiveSim.in(docs).web(r -> ok("{\"module\":\"play\",\"data\":{\"id\":\"from-server\"}}"))
                .flow(pivot("{\"voice_url\":\"" + URL + "\"}"));
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).contains("play:media:from-server");
        LiveSim.Request sent = call.requests().getFirst();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.url()).startsWith(URL + "?Call-ID=call-under-test&Account-ID=" + docs.accountId())
                .contains("Caller-ID-Number=%2B15555550100", "To=1000", "Call-Status=ringing", "Api-Version=4.x");
    }

    @Test
    void postCanSendAJsonBody() {
        LiveSim call = LiveSim.in(docs).web(r -> ok("{\"module\":\"play\",\"data\":{\"id\":\"x\"}}"))
                .flow(pivot("{\"voice_url\":\"" + URL + "\",\"method\":\"post\",\"req_body_format\":\"json\"}"));
        call.run();
        assertThat(call.requests().getFirst().headers()).containsEntry("Content-Type", "application/json");
        assertThat(call.requests().getFirst().body()).contains("\"Caller-ID-Name\":\"Test Caller\"");
    }

    @Test
    void anUnusableKazooAnswerContinuesToTheDefault() {
        for (String body : new String[] {"not json", "{\"module\":\"teleport\",\"data\":{}}", "[1,2]"}) {
            SimulationResult r = Sim.in(docs).http(URL, body).flow(kazoo()).run();
            assertThat(Sim.path(r)).containsExactly("pivot→_", "play→null");
            assertThat(Sim.events(r)).contains("pivot:invalid_flow", "play:media:pivot-failed");
        }
    }

    @Test
    void aServerThatFailsOrCannotBeReachedContinuesToTheDefault() {
        SimulationResult notFound = Sim.in(docs).flow(kazoo()).run();
        assertThat(Sim.path(notFound)).containsExactly("pivot→_", "play→null");
        assertThat(Sim.events(notFound)).contains("pivot:failed:404");
        SimulationResult unreachable = LiveSim.in(docs).web(r -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("timeout"));
        }).flow(kazoo()).run();
        assertThat(Sim.events(unreachable)).contains("pivot:failed:unreachable", "play:media:pivot-failed");
    }

    @Test
    void anInvalidUrlIsNotRequested() {
        SimulationResult r = Sim.in(docs).flow(pivot("{\"voice_url\":\"ftp://pivot.example\"}")).run();
        assertThat(Sim.path(r)).containsExactly("pivot→_", "play→null");
        assertThat(Sim.events(r)).contains("pivot:invalid_url").noneMatch(e -> e.startsWith("http:"));
    }

    @Test
    void debugKeepsEachRequestAndAnswer() {
        LiveSim.in(docs).web(r -> ok("{\"module\":\"play\",\"data\":{\"id\":\"x\"}}"))
                .flow(pivot("{\"voice_url\":\"" + URL + "\",\"debug\":true}")).run();
        var logs = docs.ofType(PivotAction.DEBUG_TYPE);
        assertThat(logs).hasSize(1);
        assertThat(logs.getFirst().body().path("status").asInt()).isEqualTo(200);
        assertThat(logs.getFirst().body().path("request").path("Call-ID").asString()).isEqualTo("call-under-test");
    }

    // TwiML

    @Test
    void sayPlayAndPauseThenTheCallEndsWithTheDocument() {
        SimulationResult r = Sim.in(docs).http(URL, response("""
                <Say voice="woman" language="en-GB">Welcome</Say>
                <Play loop="2">/media/hold.wav</Play>
                <Pause length="2"/>
                """)).flow(twiml("")).run();
        assertThat(Sim.path(r)).containsExactly("pivot→null");
        assertThat(Sim.events(r)).containsSubsequence("http:POST:" + URL, "answer", "play:tts:Welcome",
                "play:url:http://pivot.example/media/hold.wav", "play:url:http://pivot.example/media/hold.wav",
                "pause:2000", "hangup:NORMAL_CLEARING");
        assertThat(Sim.events(r)).doesNotContain("play:media:pivot-failed");
    }

    @Test
    void gatherPostsTheDigitsToItsActionAndRunsTheAnswer() {
        SimulationResult r = Sim.in(docs).caller("[{\"wait_ms\":500},{\"dtmf\":\"2#\"}]")
                .http(URL, response("""
                        <Gather action="/menu" numDigits="3"><Say>Press 2 for sales</Say></Gather>
                        <Say>Nothing pressed</Say>
                        """))
                .http("http://pivot.example/menu", response("<Say>Sales</Say><Hangup/>"))
                .flow(twiml("")).run();
        assertThat(Sim.events(r)).containsSubsequence("play:tts:Press 2 for sales", "collect:2",
                "http:POST:http://pivot.example/menu", "play:tts:Sales", "hangup:NORMAL_CLEARING")
                .doesNotContain("play:tts:Nothing pressed");
    }

    @Test
    void theGatheredDigitsAreSentAsDigits() {
        LiveSim call = LiveSim.in(docs).caller("[{\"dtmf\":\"42\"}]").web(r -> r.url().endsWith("/menu")
                        ? ok(response("<Hangup/>")) : ok(response("<Gather timeout=\"3\"><Say>Enter</Say></Gather>")))
                .flow(twiml(""));
        call.run();
        assertThat(call.requests()).hasSize(2);
        assertThat(call.requests().get(1).url()).isEqualTo(URL);
        assertThat(call.requests().get(1).body()).contains("Digits=42", "CallStatus=in-progress");
    }

    @Test
    void aGatherWithoutInputGoesOnToTheNextVerb() {
        SimulationResult r = Sim.in(docs).http(URL, response("""
                <Gather timeout="3"><Say>Press something</Say></Gather><Say>Goodbye</Say>
                """)).flow(twiml("")).run();
        assertThat(Sim.events(r)).containsSubsequence("collect:", "play:tts:Goodbye");
        assertThat(Sim.events(r)).filteredOn(e -> e.startsWith("http:")).hasSize(1);
    }

    @Test
    void dialRingsTheNumberAndTheCallIsBridged() {
        SimulationResult r = Sim.in(docs).http(URL, response("<Dial timeout=\"20\"><Number>+15551230000</Number></Dial>"))
                .flow(twiml("")).run();
        assertThat(Sim.events(r)).contains("bridge:+15551230000:answered");
        assertThat(r.outcome().end()).isEqualTo("bridged");
        assertThat(r.outcome().answeredBy()).isEqualTo("+15551230000");
    }

    @Test
    void dialTellsItsActionHowItEnded() {
        SimulationResult r = Sim.in(docs).endpoint("+15551230000", "busy")
                .http(URL, response("<Dial action=\"/after-dial\">+15551230000</Dial><Say>Not reached</Say>"))
                .http("http://pivot.example/after-dial", response("<Say>Busy, sorry</Say>"))
                .flow(twiml("")).run();
        assertThat(Sim.events(r)).containsSubsequence("bridge:+15551230000:USER_BUSY",
                "http:POST:http://pivot.example/after-dial", "play:tts:Busy, sorry").doesNotContain("play:tts:Not reached");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void theDialStatusIsSent() {
        LiveSim call = LiveSim.in(docs).web(r -> r.url().endsWith("/after")
                ? ok(response("<Hangup/>")) : ok(response("<Dial action=\"after\"><Number>+15551230000</Number></Dial>")))
                .flow(twiml(""));
        call.run();
        assertThat(call.requests().get(1).url()).isEqualTo("http://pivot.example/after");
        assertThat(call.requests().get(1).body()).contains("DialCallStatus=completed");
    }

    @Test
    void redirectFetchesTheNextDocument() {
        SimulationResult r = Sim.in(docs)
                .http(URL, response("<Redirect method=\"POST\">http://other.example/next</Redirect><Say>Skipped</Say>"))
                .http("http://other.example/next", response("<Say>Next</Say>"))
                .flow(twiml("")).run();
        assertThat(Sim.events(r)).containsSubsequence("http:POST:http://other.example/next", "play:tts:Next")
                .doesNotContain("play:tts:Skipped");
    }

    @Test
    void rejectAnswersWithBusyOrUnavailable() {
        SimulationResult busy = Sim.in(docs).http(URL, response("<Reject reason=\"busy\"/>")).flow(twiml("")).run();
        assertThat(Sim.events(busy)).contains("respond:486").doesNotContain("answer");
        assertThat(busy.outcome().end()).isEqualTo("responded");
        assertThat(busy.outcome().cause()).isEqualTo("486");
        SimulationResult rejected = Sim.in(docs).http(URL, response("<Reject/>")).flow(twiml("")).run();
        assertThat(rejected.outcome().cause()).isEqualTo("503");
    }

    @Test
    void hangupEndsTheCallWithoutTheDefaultChild() {
        SimulationResult r = Sim.in(docs).http(URL, response("<Hangup/><Say>Never</Say>")).flow(twiml("")).run();
        assertThat(Sim.path(r)).containsExactly("pivot→null");
        assertThat(Sim.events(r)).doesNotContain("play:tts:Never", "play:media:pivot-failed");
    }

    @Test
    void anUnsupportedVerbOrUnreadableDocumentContinuesToTheDefault() {
        SimulationResult unsupported = Sim.in(docs).http(URL, response("<Say>Hi</Say><Enqueue>support</Enqueue>"))
                .flow(twiml("")).run();
        assertThat(Sim.path(unsupported)).containsExactly("pivot→_", "play→null");
        assertThat(Sim.events(unsupported)).containsSubsequence("play:tts:Hi", "twiml:unsupported:Enqueue");
        for (String body : new String[] {"<Nope/>", "<Response><Say>", "plain text"}) {
            SimulationResult r = Sim.in(docs).http(URL, body).flow(twiml("")).run();
            assertThat(Sim.events(r)).contains("twiml:invalid", "play:media:pivot-failed");
        }
    }

    @Test
    void aDocumentWithADoctypeIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Response><Say>&x;</Say></Response>";
        SimulationResult r = Sim.in(docs).http(URL, xxe).flow(twiml("")).run();
        assertThat(Sim.events(r)).contains("twiml:invalid").noneMatch(e -> e.startsWith("play:tts:"));
    }

    @Test
    void aFailedFetchContinuesToTheDefault() {
        SimulationResult r = Sim.in(docs).http(URL, response("<Redirect>/missing</Redirect>")).flow(twiml("")).run();
        assertThat(Sim.path(r)).containsExactly("pivot→_", "play→null");
        assertThat(Sim.events(r)).contains("pivot:failed:404");
    }

    @Test
    void endlessRedirectsStop() {
        SimulationResult r = Sim.in(docs).http(URL, response("<Redirect>" + URL + "</Redirect>")).flow(twiml("")).run();
        assertThat(Sim.events(r)).filteredOn(e -> e.equals("http:POST:" + URL)).hasSize(Twiml.MOST_DOCUMENTS);
        assertThat(Sim.events(r)).contains("twiml:too_many_documents", "play:media:pivot-failed");
    }

    @Test
    void theCdrUrlIsToldWhenTheCallEnds() {
        LiveSim call = LiveSim.in(docs).web(r -> ok(response("<Say>Bye</Say>")))
                .flow(twiml(",\"cdr_url\":\"https://cdr.example/in\""));
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).containsSubsequence("play:tts:Bye", "hangup:NORMAL_CLEARING", "http:POST:https://cdr.example/in");
        assertThat(call.requests().getLast().body()).contains("CallSid=call-under-test", "CallStatus=completed");
    }
}
