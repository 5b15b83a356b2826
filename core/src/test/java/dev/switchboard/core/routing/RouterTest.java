package dev.switchboard.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;

class RouterTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();
    private final Router router = new Router();

    private String callflow(String id, String numbersAndPatterns) {
        return docs.add("callflow", id, "{" + numbersAndPatterns + ",\"flow\":{\"module\":\"answer\",\"data\":{}}}");
    }

    @Test
    void anExactNumberWinsOverPatterns() {
        callflow("exact", "\"numbers\":[\"1000\"]");
        callflow("pattern", "\"patterns\":[\"^(\\\\d{4})$\"]");
        Route r = router.route(docs, "1000", true).orElseThrow();
        assertThat(r.callflow().id()).isEqualTo("exact");
        assertThat(r.captureGroup()).isNull();
        assertThat(router.route(docs, "1001", true).orElseThrow().callflow().id()).isEqualTo("pattern");
    }

    @Test
    void theLongestCaptureWinsAndCapturesAreKept() {
        callflow("short", "\"patterns\":[\"^\\\\*7([0-9])\"]");
        callflow("long", "\"patterns\":[\"^\\\\*74(?P<number>[0-9]+)$\"]");
        Route r = router.route(docs, "*744158867900", true).orElseThrow();
        assertThat(r.callflow().id()).isEqualTo("long");
        assertThat(r.captureGroup()).isEqualTo("4158867900");
        assertThat(r.captureGroups()).isEqualTo(Map.of("number", "4158867900"));
    }

    @Test
    void withoutGroupsTheWholeMatchIsTheCandidate() {
        callflow("whole", "\"patterns\":[\"^\\\\*97$\"]");
        Route r = router.route(docs, "*97", true).orElseThrow();
        assertThat(r.captureGroup()).isEqualTo("*97");
    }

    @Test
    void equallyLongCandidatesGoToThePatternThatSortsLast() {
        callflow("a", "\"patterns\":[\"^(1)\\\\d+$\"]");
        callflow("b", "\"patterns\":[\"^\\\\d+(1)$\"]");
        // "^\d+(1)$" sorts after "^(1)\d+$" case-insensitively, and KAZOO tests in reverse order
        assertThat(router.route(docs, "101", true).orElseThrow().callflow().id()).isEqualTo("b");
    }

    @Test
    void noMatchTakesDialableNumbersOnlyAndNeverCarrierCalls() {
        callflow("nomatch", "\"numbers\":[\"no_match\"]");
        Route r = router.route(docs, "+14155550100", true).orElseThrow();
        assertThat(r.callflow().id()).isEqualTo("nomatch");
        assertThat(r.noMatch()).isTrue();
        assertThat(router.route(docs, "+14155550100", false)).isEmpty();
        assertThat(router.route(docs, "sales", true)).isEmpty();
        assertThat(router.route(docs, "", true)).isEmpty();
    }

    @Test
    void invalidPatternsAreSkipped() {
        callflow("broken", "\"patterns\":[\"^(unclosed\"]");
        callflow("fine", "\"patterns\":[\"^9(\\\\d+)$\"]");
        assertThat(router.route(docs, "9555", true).orElseThrow().callflow().id()).isEqualTo("fine");
    }

    @Test
    void compiledPatternsAreCachedUntilInvalidated() {
        callflow("first", "\"patterns\":[\"^8(\\\\d+)$\"]");
        assertThat(router.route(docs, "8123", true)).isPresent();
        callflow("second", "\"patterns\":[\"^7(\\\\d+)$\"]");
        assertThat(router.route(docs, "7123", true)).as("cached list still the old one").isEmpty();
        router.invalidate(docs.accountId());
        assertThat(router.route(docs, "7123", true).orElseThrow().callflow().id()).isEqualTo("second");
    }
}
