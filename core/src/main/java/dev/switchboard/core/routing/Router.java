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

    /** Numbers remembered per account, exact hits and misses alike, before the cache starts over. */
    static final int NUMBER_CACHE_SIZE = 10_000;

    private record CompiledPattern(int order, Document callflow, PcrePattern pattern, String literalPrefix) {
    }

    /**
     * An account's patterns, in KAZOO's test order, indexed by the literal text a {@code ^}-anchored pattern starts
     * with: a number is tested only against the patterns whose prefix it starts with and those without one, so
     * the cost of a look-up follows the patterns that could match, not all of them.
     */
    private record Compiled(Map<String, List<CompiledPattern>> byPrefix, List<CompiledPattern> unprefixed,
                            Map<String, Optional<Document>> numbers, long loadedAtNanos) {
        boolean fresh() {
            return System.nanoTime() - loadedAtNanos < PATTERN_CACHE_SECONDS * 1_000_000_000L;
        }

        List<CompiledPattern> candidates(String number) {
            List<CompiledPattern> found = new java.util.ArrayList<>(unprefixed);
            for (int end = 1; end <= number.length(); end++) {
                List<CompiledPattern> withPrefix = byPrefix.get(number.substring(0, end));
                if (withPrefix != null) {
                    found.addAll(withPrefix);
                }
            }
            found.sort(Comparator.comparingInt(CompiledPattern::order));
            return found;
        }
    }

    private final Map<String, Compiled> accounts = new ConcurrentHashMap<>();

    /**
     * @param mayUseNoMatch false for calls from carriers: a carrier call must never reach the account's
     *                      {@code no_match} callflow, which usually dials out again (toll fraud, spec §3.4)
     */
    public Optional<Route> route(AccountDocuments docs, String number, boolean mayUseNoMatch) {
        if (number == null || number.isEmpty()) {
            return Optional.empty();
        }
        Optional<Route> exact = exact(docs, number, compiled(docs));
        if (exact.isPresent() || number.equals(NO_MATCH)) {
            return exact;
        }
        Optional<Route> byPattern = byPattern(docs, number);
        if (byPattern.isPresent()) {
            return byPattern;
        }
        if (mayUseNoMatch && DIALABLE.matcher(number).matches()) {
            return exact(docs, NO_MATCH, compiled(docs));
        }
        return Optional.empty();
    }

    public void invalidate(String accountId) {
        accounts.remove(accountId);
    }

    /** KAZOO caches number → callflow too (spec §3.2 step 2), dropped whenever a callflow of the account changes. */
    private static Optional<Route> exact(AccountDocuments docs, String number, Compiled cache) {
        if (cache.numbers().size() >= NUMBER_CACHE_SIZE) {
            cache.numbers().clear();
        }
        return cache.numbers().computeIfAbsent(number, n -> docs.find(DocumentIndexes.CALLFLOW_NUMBER, n).stream()
                        .filter(d -> d.type().equals("callflow"))
                        .findFirst())
                .map(d -> new Route(d, null, Map.of(), number.equals(NO_MATCH) || hasNoMatch(d)));
    }

    private Optional<Route> byPattern(AccountDocuments docs, String number) {
        Route best = null;
        int bestLength = -1;
        for (CompiledPattern candidate : compiled(docs).candidates(number)) {
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
    private Compiled compiled(AccountDocuments docs) {
        Compiled cached = accounts.get(docs.accountId());
        if (cached != null && cached.fresh()) {
            return cached;
        }
        Map<String, List<CompiledPattern>> byPrefix = new java.util.HashMap<>();
        List<CompiledPattern> unprefixed = new java.util.ArrayList<>();
        List<CompiledPattern> all = load(docs);
        for (int i = 0; i < all.size(); i++) {
            CompiledPattern c = all.get(i);
            String prefix = LiteralPrefix.of(c.pattern().source());
            CompiledPattern indexed = new CompiledPattern(i, c.callflow(), c.pattern(), prefix);
            if (prefix.isEmpty()) {
                unprefixed.add(indexed);
            } else {
                byPrefix.computeIfAbsent(prefix, p -> new java.util.ArrayList<>()).add(indexed);
            }
        }
        Compiled loaded = new Compiled(byPrefix, unprefixed, new ConcurrentHashMap<>(), System.nanoTime());
        accounts.put(docs.accountId(), loaded);
        return loaded;
    }

    private static List<CompiledPattern> load(AccountDocuments docs) {
        return docs
                .find(DocumentIndexes.CALLFLOW_WITH_PATTERNS, DocumentIndexes.ANY).stream()
                .flatMap(cf -> cf.body().path("patterns").valueStream()
                        .map(p -> p.asString(""))
                        .filter(PcrePattern::isValid)
                        .map(p -> new CompiledPattern(0, cf, PcrePattern.compile(p), "")))
                .sorted(Comparator.comparing((CompiledPattern c) -> c.pattern().source(), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(c -> c.pattern().source()).reversed())
                .toList();
    }

    private static boolean hasNoMatch(Document callflow) {
        return callflow.body().path("numbers").valueStream().anyMatch(n -> NO_MATCH.equals(n.asString("")));
    }
}
