package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.AccountDocuments;
import dev.switchboard.core.engine.StoreDocuments;
import dev.switchboard.core.routing.Route;
import dev.switchboard.core.routing.Router;
import dev.switchboard.store.JdbcDocumentStore;
import dev.switchboard.store.StoreConfig;
import dev.switchboard.store.Stores;
import tools.jackson.databind.node.ObjectNode;

/**
 * Route look-up in one account holding {@value #CALLFLOWS} callflows, {@value #PATTERNS} of them with a pattern
 * (the target: median ≤ 20 µs). {@code store=memory} looks numbers up in a hash index, which isolates the
 * router; {@code store=sqlite} uses the production SQLite store, the figure a real call sees.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RouteLookupBenchmark {
    static final int CALLFLOWS = 100_000;
    static final int PATTERNS = 1_000;
    private static final String ACCOUNT_ID = "0123456789abcdef0123456789abcdef";

    /** A number in the middle of the exact ones, so neither end of an index is favoured. */
    private static final String EXACT_NUMBER = exactNumber(CALLFLOWS / 2);
    /** Dials pattern 500 ({@code ^9500(\d{4,})$}); every pattern is still tried, the longest capture winning. */
    private static final String PATTERN_NUMBER = "95005551234";

    @Param({"memory", "sqlite"})
    public String store;

    private final Router router = new Router();
    private AccountDocuments docs;
    private JdbcDocumentStore sqlite;
    private Path sqliteDirectory;

    @Setup(Level.Trial)
    public void fillAccount() throws IOException {
        ObjectNode account = Json.object().put("name", "bench").put("timezone", "UTC").put("language", "en-us");
        if (store.equals("memory")) {
            IndexedDocuments memory = new IndexedDocuments(ACCOUNT_ID, account);
            forEachCallflow((id, body) -> memory.save("callflow", id, body));
            docs = memory;
        } else {
            sqliteDirectory = Files.createTempDirectory("route-bench");
            sqlite = Stores.open(StoreConfig.sqlite(sqliteDirectory.resolve("switchboard.db")), new DocumentIndexes(),
                    Clock.systemUTC());
            sqlite.create(ACCOUNT_ID, "account", ACCOUNT_ID, account);
            forEachCallflow((id, body) -> sqlite.create(ACCOUNT_ID, "callflow", id, body));
            docs = new StoreDocuments(sqlite, sqlite, ACCOUNT_ID);
        }
        requireRoute(EXACT_NUMBER, exactNumber(CALLFLOWS / 2));
        requireRoute(PATTERN_NUMBER, "5551234");
    }

    @TearDown(Level.Trial)
    public void closeStore() throws IOException {
        if (sqlite != null) {
            sqlite.close();
            try (Stream<Path> files = Files.walk(sqliteDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    public Optional<Route> exactNumberHit() {
        return router.route(docs, EXACT_NUMBER, true);
    }

    @Benchmark
    public Optional<Route> patternHit() {
        return router.route(docs, PATTERN_NUMBER, true);
    }

    private interface CallflowSink {
        void accept(String id, ObjectNode body);
    }

    /** The last {@value #PATTERNS} callflows carry a pattern each besides their number, as feature codes do. */
    private static void forEachCallflow(CallflowSink sink) {
        for (int i = 0; i < CALLFLOWS; i++) {
            ObjectNode body = Json.object().put("name", "callflow " + i);
            body.putArray("numbers").add(exactNumber(i));
            int patternIndex = i - (CALLFLOWS - PATTERNS);
            if (patternIndex >= 0) {
                body.putArray("patterns").add("^9%03d(\\d{4,})$".formatted(patternIndex));
            }
            body.putObject("flow").put("module", "noop").putObject("children");
            sink.accept("%032x".formatted(i), body);
        }
    }

    private static String exactNumber(int i) {
        return "+1555%07d".formatted(i);
    }

    /** A benchmark of a look-up that finds nothing would report a fast, meaningless figure. */
    private void requireRoute(String number, String expectedCapture) {
        Route route = router.route(docs, number, true).orElseThrow(
                () -> new IllegalStateException(number + " routes nowhere"));
        String found = route.captureGroup() != null ? route.captureGroup()
                : route.callflow().body().path("numbers").get(0).asString();
        if (!found.equals(expectedCapture)) {
            throw new IllegalStateException(number + " routed to " + found + ", not " + expectedCapture);
        }
    }
}
