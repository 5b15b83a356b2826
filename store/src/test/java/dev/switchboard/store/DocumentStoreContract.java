package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexer;
import dev.switchboard.core.doc.DocumentNotFound;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.doc.ListQuery;
import dev.switchboard.core.doc.Page;
import dev.switchboard.core.doc.RevisionConflict;
import tools.jackson.databind.node.ObjectNode;

/** What every {@link DocumentStore} does, whatever database is under it. */
abstract class DocumentStoreContract {
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    private static final long START_GREGORIAN = START.getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET;
    private static final String ACCOUNT = "4a5c0f8e2b1d4c6e8f0a1b2c3d4e5f60";
    private static final String OTHER_ACCOUNT = "0b1c2d3e4f5061728394a5b6c7d8e9f0";

    protected final MutableClock clock = new MutableClock(START);
    protected final NumberIndexer indexer = new NumberIndexer();
    protected DocumentStore store;

    /** A store on an empty database. */
    protected abstract DocumentStore openStore(DocumentIndexer indexer, Clock clock);

    protected abstract String expectedKind();

    @BeforeEach
    void openEmptyStore() {
        store = openStore(indexer, clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void kindNamesTheDatabase() {
        assertThat(store.kind()).isEqualTo(expectedKind());
    }

    @Test
    void createdDocumentGetsAFreshIdAFirstRevisionAndTheClocksTime() {
        ObjectNode body = body("{\"name\":\"Main\",\"numbers\":[\"1000\"]}");

        Document created = store.create(ACCOUNT, "callflow", null, body);

        assertThat(created.id()).matches("[0-9a-f]{32}");
        assertThat(created.rev()).isEqualTo("1-" + md5(Json.write(body)));
        assertThat(created.revisionNumber()).isEqualTo(1);
        assertThat(created.created()).isEqualTo(START_GREGORIAN);
        assertThat(created.modified()).isEqualTo(START_GREGORIAN);
        assertThat(created.deleted()).isFalse();
        assertThat(created.accountId()).isEqualTo(ACCOUNT);
        assertThat(created.type()).isEqualTo("callflow");
        assertThat(created.body()).isEqualTo(body);
        assertThat(store.get(ACCOUNT, created.id())).contains(created);
    }

    @Test
    void freshIdsDiffer() {
        String first = store.create(ACCOUNT, "user", null, body("{}")).id();
        String second = store.create(ACCOUNT, "user", null, body("{}")).id();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void clientIdIsKeptAsGiven() {
        Document created = store.create(ACCOUNT, "user", "Alice-01", body("{}"));

        assertThat(created.id()).isEqualTo("Alice-01");
        assertThat(store.get(ACCOUNT, "Alice-01")).contains(created);
    }

    @Test
    void storedBodyDoesNotChangeWithTheCallersNode() {
        ObjectNode body = body("{\"name\":\"before\"}");
        Document created = store.create(ACCOUNT, "user", null, body);

        body.put("name", "after");

        assertThat(created.body().get("name").asString()).isEqualTo("before");
        assertThat(store.get(ACCOUNT, created.id()).orElseThrow().body().get("name").asString()).isEqualTo("before");
    }

    @Test
    void unknownIdIsEmpty() {
        assertThat(store.get(ACCOUNT, "nope")).isEmpty();
    }

    @Test
    void creatingAnExistingIdIsAConflictEvenOnceDeleted() {
        Document first = store.create(ACCOUNT, "user", "bob", body("{\"n\":1}"));
        assertThatThrownBy(() -> store.create(ACCOUNT, "user", "bob", body("{\"n\":2}")))
                .isInstanceOf(RevisionConflict.class);

        Document deleted = store.delete(ACCOUNT, "bob", first.rev());

        assertThatThrownBy(() -> store.create(ACCOUNT, "user", "bob", body("{\"n\":3}")))
                .isInstanceOf(RevisionConflict.class);
        assertThat(store.get(ACCOUNT, "bob")).contains(deleted);
    }

    @Test
    void updateWritesTheNextRevisionAndKeepsCreated() {
        Document created = store.create(ACCOUNT, "user", null, body("{\"name\":\"a\"}"));
        clock.advance(Duration.ofSeconds(90));
        ObjectNode changed = body("{\"name\":\"b\"}");

        Document updated = store.update(ACCOUNT, created.id(), created.rev(), changed);

        assertThat(updated.rev()).isEqualTo("2-" + md5(Json.write(changed)));
        assertThat(updated.created()).isEqualTo(START_GREGORIAN);
        assertThat(updated.modified()).isEqualTo(START_GREGORIAN + 90);
        assertThat(updated.type()).isEqualTo("user");
        assertThat(updated.body()).isEqualTo(changed);
        assertThat(store.get(ACCOUNT, created.id())).contains(updated);
    }

    @Test
    void sameBodyStillGetsANewRevisionNumber() {
        Document created = store.create(ACCOUNT, "user", null, body("{\"name\":\"a\"}"));

        Document updated = store.update(ACCOUNT, created.id(), created.rev(), body("{\"name\":\"a\"}"));

        assertThat(updated.rev()).isEqualTo(created.rev().replaceFirst("^1-", "2-"));
    }

    @Test
    void updateWithAStaleRevisionIsAConflictAndChangesNothing() {
        Document created = store.create(ACCOUNT, "user", null, body("{\"name\":\"a\"}"));
        Document current = store.update(ACCOUNT, created.id(), created.rev(), body("{\"name\":\"b\"}"));

        assertThatThrownBy(() -> store.update(ACCOUNT, created.id(), created.rev(), body("{\"name\":\"c\"}")))
                .isInstanceOf(RevisionConflict.class);
        assertThat(store.get(ACCOUNT, created.id())).contains(current);
    }

    @Test
    void updateWithoutARevisionWritesOverWhateverIsStored() {
        Document created = store.create(ACCOUNT, "user", null, body("{\"name\":\"a\"}"));
        store.update(ACCOUNT, created.id(), created.rev(), body("{\"name\":\"b\"}"));

        Document last = store.update(ACCOUNT, created.id(), null, body("{\"name\":\"c\"}"));

        assertThat(last.revisionNumber()).isEqualTo(3);
        assertThat(store.get(ACCOUNT, created.id())).contains(last);
    }

    @Test
    void writesToAMissingDocumentAreNotFound() {
        assertThatThrownBy(() -> store.update(ACCOUNT, "ghost", null, body("{}")))
                .isInstanceOf(DocumentNotFound.class);
        assertThatThrownBy(() -> store.delete(ACCOUNT, "ghost", null)).isInstanceOf(DocumentNotFound.class);
        assertThat(store.get(ACCOUNT, "ghost")).isEmpty();
    }

    @Test
    void writesToADeletedDocumentAreNotFound() {
        Document created = store.create(ACCOUNT, "user", null, body("{}"));
        Document deleted = store.delete(ACCOUNT, created.id(), created.rev());

        assertThatThrownBy(() -> store.update(ACCOUNT, created.id(), deleted.rev(), body("{}")))
                .isInstanceOf(DocumentNotFound.class);
        assertThatThrownBy(() -> store.delete(ACCOUNT, created.id(), null)).isInstanceOf(DocumentNotFound.class);
    }

    @Test
    void deleteIsSoftAndWritesTheNextRevision() {
        ObjectNode body = body("{\"name\":\"Main\",\"numbers\":[\"1000\"]}");
        Document created = store.create(ACCOUNT, "callflow", null, body);
        clock.advance(Duration.ofSeconds(5));

        Document deleted = store.delete(ACCOUNT, created.id(), created.rev());

        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.rev()).isEqualTo("2-" + md5(Json.write(body)));
        assertThat(deleted.modified()).isEqualTo(START_GREGORIAN + 5);
        assertThat(deleted.created()).isEqualTo(START_GREGORIAN);
        assertThat(deleted.body()).isEqualTo(body);
        assertThat(store.get(ACCOUNT, created.id())).contains(deleted);
        assertThat(store.list(ACCOUNT, "callflow", ListQuery.all()).documents()).isEmpty();
        assertThat(store.count(ACCOUNT, "callflow")).isZero();
        assertThat(store.findByIndex(ACCOUNT, NumberIndexer.BY_NUMBER, "1000")).isEmpty();
        assertThat(store.findByIndex(null, NumberIndexer.BY_NUMBER, "1000")).isEmpty();
    }

    @Test
    void deleteWithAStaleRevisionIsAConflictAndChangesNothing() {
        Document created = store.create(ACCOUNT, "user", null, body("{}"));
        Document current = store.update(ACCOUNT, created.id(), created.rev(), body("{\"x\":1}"));

        assertThatThrownBy(() -> store.delete(ACCOUNT, created.id(), created.rev()))
                .isInstanceOf(RevisionConflict.class);
        assertThat(store.get(ACCOUNT, created.id())).contains(current);
    }

    @Test
    void racingWritersOfTheSameRevisionHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 20; round++) {
            Document doc = store.create(ACCOUNT, "user", null, body("{\"round\":" + round + "}"));
            int writers = 8;

            List<Outcome> outcomes = race(writers, i ->
                    () -> store.update(ACCOUNT, doc.id(), doc.rev(), body("{\"writer\":" + i + "}")));

            assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.failure() instanceof RevisionConflict).hasSize(writers - 1);
            Document winner = outcomes.stream().filter(Outcome::won).findFirst().orElseThrow().document();
            assertThat(store.get(ACCOUNT, doc.id())).contains(winner);
        }
    }

    @Test
    void racingDeleteAndUpdateOfTheSameRevisionHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 20; round++) {
            Document doc = store.create(ACCOUNT, "user", null, body("{}"));

            List<Outcome> outcomes = race(2, i -> i == 0
                    ? () -> store.delete(ACCOUNT, doc.id(), doc.rev())
                    : () -> store.update(ACCOUNT, doc.id(), doc.rev(), body("{\"x\":1}")));

            assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.failure() instanceof RevisionConflict
                    || o.failure() instanceof DocumentNotFound).hasSize(1);
        }
    }

    @Test
    void racingCreatesOfTheSameIdHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = "same-" + round;

            List<Outcome> outcomes = race(8, i -> () -> store.create(ACCOUNT, "user", id, body("{\"i\":" + i + "}")));

            assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.failure() instanceof RevisionConflict).hasSize(7);
        }
    }

    @Test
    void concurrentWritesAndReadsAllSucceed() throws Exception {
        int writers = 8;
        int each = 100;
        try (ExecutorService pool = Executors.newFixedThreadPool(writers + 4)) {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        Document doc = store.create(ACCOUNT, "device", null, body("{\"i\":" + i + "}"));
                        store.update(ACCOUNT, doc.id(), doc.rev(), body("{\"i\":" + i + ",\"seen\":true}"));
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 4; r++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        store.list(ACCOUNT, "device", new ListQuery(null, 20, i % 2 == 0, d -> true));
                        store.count(ACCOUNT, "device");
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }

        assertThat(store.count(ACCOUNT, "device")).isEqualTo((long) writers * each);
    }

    @Test
    void listPagesForwardInIdOrder() {
        List<String> ids = createNumbered(25, "device");

        Page first = store.list(ACCOUNT, "device", new ListQuery(null, 10, false, d -> true));
        Page second = store.list(ACCOUNT, "device", new ListQuery(first.nextStartKey(), 10, false, d -> true));
        Page last = store.list(ACCOUNT, "device", new ListQuery(second.nextStartKey(), 10, false, d -> true));

        assertThat(idsOf(first)).isEqualTo(ids.subList(0, 10));
        assertThat(first.nextStartKey()).isEqualTo(ids.get(10));
        assertThat(idsOf(second)).isEqualTo(ids.subList(10, 20));
        assertThat(idsOf(last)).isEqualTo(ids.subList(20, 25));
        assertThat(last.nextStartKey()).isNull();
    }

    @Test
    void listStartsAtTheStartKeyInclusive() {
        List<String> ids = createNumbered(10, "device");

        Page page = store.list(ACCOUNT, "device", new ListQuery(ids.get(4), 3, false, d -> true));

        assertThat(idsOf(page)).isEqualTo(ids.subList(4, 7));
        assertThat(page.nextStartKey()).isEqualTo(ids.get(7));
    }

    @Test
    void listPagesDescending() {
        List<String> ids = createNumbered(25, "device");
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);

        Page first = store.list(ACCOUNT, "device", new ListQuery(null, 10, true, d -> true));
        Page second = store.list(ACCOUNT, "device", new ListQuery(first.nextStartKey(), 10, true, d -> true));
        Page last = store.list(ACCOUNT, "device", new ListQuery(second.nextStartKey(), 10, true, d -> true));

        assertThat(idsOf(first)).isEqualTo(reversed.subList(0, 10));
        assertThat(idsOf(second)).isEqualTo(reversed.subList(10, 20));
        assertThat(idsOf(last)).isEqualTo(reversed.subList(20, 25));
        assertThat(last.nextStartKey()).isNull();
    }

    @Test
    void exactlyFullLastPageHasNoNextStartKey() {
        createNumbered(10, "device");

        Page page = store.list(ACCOUNT, "device", new ListQuery(null, 10, false, d -> true));

        assertThat(page.documents()).hasSize(10);
        assertThat(page.nextStartKey()).isNull();
    }

    @Test
    void listFiltersAcrossManyBatchesBothWays() {
        Predicate<Document> everySeventh = d -> d.body().get("n").asInt() % 7 == 0;
        List<String> ids = createNumbered(500, "device");
        List<String> wanted = IntStream.range(0, 500).filter(n -> n % 7 == 0).mapToObj(ids::get).toList();
        List<String> wantedReversed = new ArrayList<>(wanted);
        Collections.reverse(wantedReversed);

        assertThat(allPages(new ListQuery(null, 20, false, everySeventh))).isEqualTo(wanted);
        assertThat(allPages(new ListQuery(null, 20, true, everySeventh))).isEqualTo(wantedReversed);
        Page first = store.list(ACCOUNT, "device", new ListQuery(null, 20, false, everySeventh));
        assertThat(first.nextStartKey()).isEqualTo(wanted.get(20));
    }

    @Test
    void listShowsOnlyTheAccountAndTypeAsked() {
        Document wanted = store.create(ACCOUNT, "device", null, body("{}"));
        store.create(ACCOUNT, "user", null, body("{}"));
        store.create(OTHER_ACCOUNT, "device", null, body("{}"));

        assertThat(store.list(ACCOUNT, "device", ListQuery.all()).documents()).containsExactly(wanted);
        assertThat(store.count(ACCOUNT, "device")).isEqualTo(1);
        assertThat(store.count(OTHER_ACCOUNT, "device")).isEqualTo(1);
        assertThat(store.count(OTHER_ACCOUNT, "user")).isZero();
    }

    @Test
    void accountsAreIsolated() {
        Document mine = store.create(ACCOUNT, "user", "shared-id", body("{\"who\":\"mine\"}"));
        Document theirs = store.create(OTHER_ACCOUNT, "user", "shared-id", body("{\"who\":\"theirs\"}"));

        store.update(OTHER_ACCOUNT, "shared-id", theirs.rev(), body("{\"who\":\"theirs, changed\"}"));
        store.delete(OTHER_ACCOUNT, "shared-id", null);

        assertThat(store.get(ACCOUNT, "shared-id")).contains(mine);
        assertThatThrownBy(() -> store.update(OTHER_ACCOUNT, "shared-id", null, body("{}")))
                .isInstanceOf(DocumentNotFound.class);
    }

    @Test
    void indexFollowsCreateUpdateAndDelete() {
        Document created = store.create(ACCOUNT, "callflow", null, body("{\"numbers\":[\"1000\",\"1001\"]}"));
        assertThat(store.findByIndex(ACCOUNT, NumberIndexer.BY_NUMBER, "1000")).containsExactly(created);
        assertThat(store.findByIndex(ACCOUNT, NumberIndexer.BY_NUMBER, "1001")).containsExactly(created);

        Document updated = store.update(ACCOUNT, created.id(), created.rev(), body("{\"numbers\":[\"1001\",\"2000\"]}"));
        assertThat(store.findByIndex(ACCOUNT, NumberIndexer.BY_NUMBER, "1000")).isEmpty();
        assertThat(store.findByIndex(ACCOUNT, NumberIndexer.BY_NUMBER, "1001")).containsExactly(updated);
        assertThat(store.findByIndex(ACCOUNT, NumberIndexer.BY_NUMBER, "2000")).containsExactly(updated);

        store.delete(ACCOUNT, created.id(), updated.rev());
        assertThat(store.findByIndex(ACCOUNT, NumberIndexer.BY_NUMBER, "1001")).isEmpty();
        assertThat(store.findByIndex(ACCOUNT, NumberIndexer.BY_NUMBER, "2000")).isEmpty();
    }

    @Test
    void findByIndexAcrossAccountsIsInAccountThenIdOrder() {
        Document b2 = store.create(OTHER_ACCOUNT, "callflow", "b", body("{\"numbers\":[\"5000\"]}"));
        Document a1 = store.create(ACCOUNT, "callflow", "z", body("{\"numbers\":[\"5000\"]}"));
        Document b1 = store.create(OTHER_ACCOUNT, "callflow", "a", body("{\"numbers\":[\"5000\"]}"));
        store.create(ACCOUNT, "callflow", "other", body("{\"numbers\":[\"5001\"]}"));

        assertThat(store.findByIndex(null, NumberIndexer.BY_NUMBER, "5000")).containsExactly(b1, b2, a1);
        assertThat(store.findByIndex(OTHER_ACCOUNT, NumberIndexer.BY_NUMBER, "5000")).containsExactly(b1, b2);
        assertThat(store.findByIndex(ACCOUNT, NumberIndexer.BY_NUMBER, "5000")).containsExactly(a1);
        assertThat(store.findByIndex(ACCOUNT, "by_mailbox", "5000")).isEmpty();
    }

    @Test
    void objectKeysKeepTheirOrderExactly() {
        String text = """
                {"z":1,"a":{"z":"last-first","_":{"1":true,"0":false},"a":null},"_":[{"b":1,"a":2}],\
                "1":{"module":"tod","data":{},"children":{"z":{},"_":{},"1":{},"a":{}}},\
                "big":12345678901234567890,"ratio":0.1,"neg":-3}""";

        Document created = store.create(ACCOUNT, "callflow", null, body(text));
        Document updated = store.update(ACCOUNT, created.id(), created.rev(), body(text.replace("\"z\":1", "\"z\":2")));

        assertThat(Json.write(created.body())).isEqualTo(text);
        assertThat(Json.write(store.get(ACCOUNT, created.id()).orElseThrow().body()))
                .isEqualTo(text.replace("\"z\":1", "\"z\":2"));
        assertThat(Json.write(updated.body())).isEqualTo(text.replace("\"z\":1", "\"z\":2"));
    }

    @Test
    void unicodeTextRoundTrips() {
        String text = "{\"name\":\"Zoë Ångström — 日本語 — Ελληνικά — עברית — 😀🎉\","
                + "\"control\":\"tab\\tnewline\\nnul\\u0000\",\"quote\":\"\\\"\\\\\"}";

        Document created = store.create(ACCOUNT, "user", "ünïcødé-id", body(text));

        Document read = store.get(ACCOUNT, "ünïcødé-id").orElseThrow();
        assertThat(Json.write(read.body())).isEqualTo(text);
        assertThat(read.body().get("name").asString()).isEqualTo("Zoë Ångström — 日本語 — Ελληνικά — עברית — 😀🎉");
        assertThat(read).isEqualTo(created);
    }

    @Test
    void failingIndexerLeavesTheStoreAsItWas() {
        Document kept = store.create(ACCOUNT, "callflow", "kept", body("{\"numbers\":[\"1000\"]}"));
        indexer.failing = true;

        assertThatThrownBy(() -> store.create(ACCOUNT, "callflow", "new", body("{\"numbers\":[\"2000\"]}")))
                .hasMessageContaining("on purpose");
        assertThatThrownBy(() -> store.update(ACCOUNT, "kept", kept.rev(), body("{\"numbers\":[\"3000\"]}")))
                .hasMessageContaining("on purpose");

        indexer.failing = false;
        assertThat(store.get(ACCOUNT, "new")).isEmpty();
        assertThat(store.get(ACCOUNT, "kept")).contains(kept);
        assertThat(store.count(ACCOUNT, "callflow")).isEqualTo(1);
        assertThat(store.findByIndex(ACCOUNT, NumberIndexer.BY_NUMBER, "1000")).containsExactly(kept);
        assertThat(store.findByIndex(ACCOUNT, NumberIndexer.BY_NUMBER, "2000")).isEmpty();
        assertThat(store.findByIndex(ACCOUNT, NumberIndexer.BY_NUMBER, "3000")).isEmpty();
        assertThat(store.create(ACCOUNT, "callflow", "new", body("{}")).rev()).startsWith("1-");
        assertThat(store.update(ACCOUNT, "kept", kept.rev(), body("{}")).rev()).startsWith("2-");
    }

    @Test
    void pagesOfFiftyAmongTenThousandAreTheRightSlices() throws Exception {
        race(4, w -> () -> {
            for (int i = 0; i < 2_500; i++) {
                store.create(ACCOUNT, "device", null, body("{\"name\":\"phone " + w + "-" + i + "\",\"owner_id\":null}"));
                if (i % 5 == 0) {
                    store.create(ACCOUNT, "user", null, body("{\"name\":\"user " + i + "\"}"));
                    store.create(OTHER_ACCOUNT, "device", null, body("{\"name\":\"theirs " + i + "\"}"));
                }
            }
            return null;
        });
        List<String> ids = idsOf(store.list(ACCOUNT, "device", ListQuery.all()));
        assertThat(ids).hasSize(10_000).isSorted();
        String middle = ids.get(5_000);

        Page forward = store.list(ACCOUNT, "device", new ListQuery(middle, 50, false, d -> true));
        Page backward = store.list(ACCOUNT, "device", new ListQuery(middle, 50, true, d -> true));
        assertThat(idsOf(forward)).isEqualTo(ids.subList(5_000, 5_050));
        assertThat(forward.nextStartKey()).isEqualTo(ids.get(5_050));
        List<String> before = new ArrayList<>(ids.subList(4_951, 5_001));
        Collections.reverse(before);
        assertThat(idsOf(backward)).isEqualTo(before);
        assertThat(store.count(ACCOUNT, "device")).isEqualTo(10_000);
    }


    /** Documents numbered 0..n-1 in their body, with ids that sort in the same order. */
    private List<String> createNumbered(int n, String type) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(store.create(ACCOUNT, type, "doc-%04d".formatted(i), body("{\"n\":" + i + "}")).id());
        }
        return ids;
    }

    private List<String> allPages(ListQuery query) {
        List<String> ids = new ArrayList<>();
        String start = query.startKey();
        do {
            Page page = store.list(ACCOUNT, "device",
                    new ListQuery(start, query.limit(), query.descending(), query.filter()));
            assertThat(page.documents().size()).isLessThanOrEqualTo(query.limit());
            ids.addAll(idsOf(page));
            start = page.nextStartKey();
        } while (start != null);
        return ids;
    }

    private static List<String> idsOf(Page page) {
        return page.documents().stream().map(Document::id).toList();
    }

    /** Runs the writers at once, as far as threads allow, and reports how each ended. */
    private static List<Outcome> race(int writers, IntFunction<Callable<Document>> writer)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(writers);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Callable<Document> write = writer.apply(i);
                outcomes.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome(write.call(), null);
                    } catch (RevisionConflict | DocumentNotFound lost) {
                        return new Outcome(null, lost);
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome> ended = new ArrayList<>();
            for (Future<Outcome> outcome : outcomes) {
                ended.add(outcome.get());
            }
            return ended;
        }
    }

    private record Outcome(Document document, RuntimeException failure) {
        boolean won() {
            return failure == null;
        }
    }

    private static ObjectNode body(String json) {
        return (ObjectNode) Json.parse(json);
    }

    private static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
