package dev.switchboard.core.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.engine.AccountDocuments;
import dev.switchboard.core.schema.PcrePattern;

/**
 * Finds the callflow for a dialled number (spec §3.2): the exact number through the store's index, then the
 * account's patterns (longest capture wins), then {@code no_match} for numbers that look dialable. Compiled
 * patterns are cached per account until {@link #invalidate} says a callflow of the account changed, and for
 * {@value #PATTERN_CACHE_SECONDS} seconds at most, so a change made through another node is seen soon.
 */
public final class Router {
    private static final Pattern DIALABLE = Pattern.compile("^\\+?[0-9]+$");
    public static final String NO_MATCH = "no_match";

    static final long PATTERN_CACHE_SECONDS = 10;

    private record CompiledPattern(Document callflow, PcrePattern pattern) {
    }

    private record Compiled(List<CompiledPattern> patterns, long loadedAtNanos) {
        boolean fresh() {
            return System.nanoTime() - loadedAtNanos < PATTERN_CACHE_SECONDS * 1_000_000_000L;
        }
    }

    private final Map<String, Compiled> patterns = new ConcurrentHashMap<>();

    /**
     * @param mayUseNoMatch false for calls from carriers: a carrier call must never reach the account's
     *                      {@code no_match} callflow, which usually dials out again (toll fraud, spec §3.4)
     */
    public Optional<Route> route(AccountDocuments docs, String number, boolean mayUseNoMatch) {
        if (number == null || number.isEmpty()) {
            return Optional.empty();
        }
        Optional<Route> exact = exact(docs, number);
        if (exact.isPresent() || number.equals(NO_MATCH)) {
            return exact;
        }
        Optional<Route> byPattern = byPattern(docs, number);
        if (byPattern.isPresent()) {
            return byPattern;
        }
        if (mayUseNoMatch && DIALABLE.matcher(number).matches()) {
            return exact(docs, NO_MATCH);
        }
        return Optional.empty();
    }

    public void invalidate(String accountId) {
        patterns.remove(accountId);
    }

    private static Optional<Route> exact(AccountDocuments docs, String number) {
        return docs.find(DocumentIndexes.CALLFLOW_NUMBER, number).stream()
                .filter(d -> d.type().equals("callflow"))
                .findFirst()
                .map(d -> new Route(d, null, Map.of(), number.equals(NO_MATCH) || hasNoMatch(d)));
    }

    private Optional<Route> byPattern(AccountDocuments docs, String number) {
        Route best = null;
        int bestLength = -1;
        for (CompiledPattern candidate : compiled(docs)) {
            Matcher m = candidate.pattern().matcher(number);
            if (!m.find()) {
                continue;
            }
            String capture = candidateString(m);
            if (capture.length() > bestLength) {
                bestLength = capture.length();
                best = new Route(candidate.callflow(), capture, candidate.pattern().namedGroups(m),
                        hasNoMatch(candidate.callflow()));
            }
        }
        return Optional.ofNullable(best);
    }

    /** Without groups, the whole match; with groups, the longest group value (spec §3.2 step 4). */
    private static String candidateString(Matcher m) {
        if (m.groupCount() == 0) {
            return m.group();
        }
        String longest = "";
        for (int g = 1; g <= m.groupCount(); g++) {
            String value = m.group(g);
            if (value != null && value.length() > longest.length()) {
                longest = value;
            }
        }
        return longest;
    }

    /**
     * Tested in descending order of the pattern text, case-insensitively first (CouchDB's collation, reversed as
     * KAZOO builds its list), so that among equally long candidates KAZOO's winner wins here too.
     */
    private List<CompiledPattern> compiled(AccountDocuments docs) {
        Compiled cached = patterns.get(docs.accountId());
        if (cached != null && cached.fresh()) {
            return cached.patterns();
        }
        Compiled loaded = new Compiled(load(docs), System.nanoTime());
        patterns.put(docs.accountId(), loaded);
        return loaded.patterns();
    }

    private static List<CompiledPattern> load(AccountDocuments docs) {
        return docs
                .find(DocumentIndexes.CALLFLOW_WITH_PATTERNS, DocumentIndexes.ANY).stream()
                .flatMap(cf -> cf.body().path("patterns").valueStream()
                        .map(p -> p.asString(""))
                        .filter(PcrePattern::isValid)
                        .map(p -> new CompiledPattern(cf, PcrePattern.compile(p))))
                .sorted(Comparator.comparing((CompiledPattern c) -> c.pattern().source(), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(c -> c.pattern().source()).reversed())
                .toList();
    }

    private static boolean hasNoMatch(Document callflow) {
        return callflow.body().path("numbers").valueStream().anyMatch(n -> NO_MATCH.equals(n.asString("")));
    }
}
