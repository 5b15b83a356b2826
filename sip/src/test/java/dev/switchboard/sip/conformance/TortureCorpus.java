package dev.switchboard.sip.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;

/**
 * The RFC 4475 torture messages in {@code ../shared/reference/conformance/rfc4475/} and what each must produce, per
 * that folder's README: a parse failure answered with a status, a parse failure dropped, or a valid message whose
 * request the stack or the test listener answers with a status (0: no answer, as for responses).
 */
final class TortureCorpus {
    /** How the parser must treat a file. */
    enum Parse { VALID, INVALID_ANSWERED, INVALID_DROPPED }

    /** The expectation for one file: parse outcome and the status a peer sees back (0 for none). */
    record Expectation(Parse parse, int status) {}

    /**
     * Test listener answers, used for valid requests: INVITE 486, REGISTER a digest challenge (401), MESSAGE 200,
     * other methods 501; the stack itself answers OPTIONS (200) and its §8.2 checks (416, 420, 415, 406).
     */
    static final Map<String, Expectation> EXPECTED = Map.ofEntries(
            entry("wsinv", valid(486)), entry("intmeth", valid(501)), entry("esc01", valid(486)),
            entry("escnull", valid(401)), entry("esc02", valid(501)), entry("lwsdisp", valid(200)),
            entry("longreq", valid(486)), entry("dblreq", valid(401)), entry("semiuri", valid(200)),
            entry("transports", valid(200)), entry("mpart01", valid(200)), entry("unreason", valid(0)),
            entry("noreason", valid(0)),
            entry("badinv01", dropped()), entry("clerr", answered(400)), entry("ncl", answered(400)),
            entry("scalar02", answered(400)), entry("scalarlg", dropped()), entry("quotbal", answered(400)),
            entry("ltgtruri", answered(400)), entry("lwsruri", answered(400)), entry("lwsstart", answered(400)),
            entry("trws", answered(400)), entry("regbadct", answered(400)), entry("badaspec", answered(400)),
            entry("baddn", answered(400)), entry("badvers", answered(505)), entry("mismatch01", answered(400)),
            entry("mismatch02", answered(400)), entry("bigcode", dropped()),
            entry("badbranch", valid(200)),
            entry("insuf", answered(400)), entry("unkscm", valid(416)), entry("novelsc", valid(416)),
            entry("unksm2", valid(401)), entry("bext01", valid(420)), entry("invut", valid(415)),
            entry("regaut01", valid(401)), entry("multi01", answered(400)), entry("mcl01", answered(400)),
            entry("bcast", valid(0)), entry("zeromf", valid(200)), entry("cparam01", valid(401)),
            entry("cparam02", valid(401)), entry("regescrt", valid(401)), entry("sdp01", valid(406)),
            entry("inv2543", valid(486)));

    private static Expectation valid(int status) {
        return new Expectation(Parse.VALID, status);
    }

    private static Expectation answered(int status) {
        return new Expectation(Parse.INVALID_ANSWERED, status);
    }

    private static Expectation dropped() {
        return new Expectation(Parse.INVALID_DROPPED, 0);
    }

    private TortureCorpus() {}

    static Path dir() {
        String given = System.getProperty("switchboard.shared.dir");
        if (given != null) return Path.of(given).resolve("reference/conformance/rfc4475");
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("reference/conformance/rfc4475");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("no shared/reference/conformance/rfc4475 beside the repository");
    }

    /** Every file name without {@code .dat}. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dat"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name + ".dat"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
