package dev.switchboard.telephony.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.registration.Binding;
import dev.switchboard.sip.auth.DigestAlgorithm;
import dev.switchboard.sip.auth.DigestClient;
import dev.switchboard.sip.auth.DigestServer;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.telephony.DigestAuth;
import dev.switchboard.telephony.Directory;
import dev.switchboard.telephony.RecordingTransaction;
import dev.switchboard.telephony.TestStore;

class RegistrarTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private TestStore db;
    private Registrar registrar;
    private Document account;
    private Document desk;
    private int cseq;
    /** Both algorithms, so the phone below answers SHA-256 (it picks it when offered). */
    private List<DigestAlgorithm> offered = List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256);

    @BeforeEach
    void setUp() {
        db = new TestStore(clock);
        account = db.account("acme", "acme.example");
        desk = db.add(account, "device", """
                {"name":"desk","sip":{"username":"1001","password":"right-secret"}}""");
        registrar = newRegistrar(clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Registrar newRegistrar(Clock at) {
        return new Registrar(new Directory(db.store), db.store.bindings(), new DigestAuth(new DigestServer(
                Duration.ofMinutes(5), at), offered), at, RegistrarSettings.DEFAULTS).load();
    }

    private String register(String user, String domain, String contacts, String expires) {
        cseq++;
        return """
                REGISTER sip:%2$s SIP/2.0
                Via: SIP/2.0/UDP 192.168.1.20:5062;branch=z9hG4bK-reg%3$d;rport
                Max-Forwards: 70
                From: <sip:%1$s@%2$s>;tag=a1
                To: <sip:%1$s@%2$s>
                Call-ID: reg-call-1@192.168.1.20
                CSeq: %3$d REGISTER
                %4$s
                %5$s
                User-Agent: TestPhone/1.0
                Content-Length: 0
                """.formatted(user, domain, cseq, contacts, expires == null ? "X-No-Expires: 1" : "Expires: " + expires);
    }

    /** Sends a REGISTER, answers the challenge with {@code password}, returns the final answer. */
    private SipResponse registerWithPassword(String text, String user, String password) {
        RecordingTransaction first = RecordingTransaction.udp(text, "203.0.113.7", 40123);
        registrar.register(first);
        SipResponse challenge = first.last();
        assertThat(challenge.status()).isEqualTo(401);
        SipRequest retry = new DigestClient(user, password).authorize(first.request(), challenge).orElseThrow();
        retry.headers().addFirst(HeaderNames.VIA, "SIP/2.0/UDP 192.168.1.20:5062;branch=z9hG4bK-retry" + (++cseq));
        RecordingTransaction second = new RecordingTransaction(retry, first.source());
        registrar.register(second);
        return second.last();
    }

    @Test
    void aPhoneIsChallengedInItsAccountsRealmAndRegistersWithItsPassword() {
        RecordingTransaction first = RecordingTransaction.udp(register("1001", "acme.example",
                "Contact: <sip:1001@192.168.1.20:5062>", null), "203.0.113.7", 40123);
        registrar.register(first);
        SipResponse challenge = first.last();
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.headers().all(HeaderNames.WWW_AUTHENTICATE)).hasSize(2)
                .allSatisfy(h -> assertThat(h).contains("realm=\"acme.example\"").contains("qop=\"auth\""))
                .satisfiesExactly(md5 -> assertThat(md5).contains("algorithm=MD5"),
                        sha256 -> assertThat(sha256).contains("algorithm=SHA-256"));

        SipResponse ok = registerWithPassword(register("1001", "acme.example", "Contact: <sip:1001@192.168.1.20:5062>",
                null), "1001", "right-secret");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.headers().all(HeaderNames.CONTACT)).containsExactly("<sip:1001@192.168.1.20:5062>;expires=3600");
        List<Binding> contacts = registrar.contacts(account.id(), desk.id());
        assertThat(contacts).hasSize(1);
        Binding b = contacts.getFirst();
        assertThat(b.contactUri()).isEqualTo("sip:1001@192.168.1.20:5062");
        assertThat(b.host()).as("reached where the REGISTER came from (NAT)").isEqualTo("203.0.113.7");
        assertThat(b.port()).isEqualTo(40123);
        assertThat(b.transport()).isEqualTo("udp");
        assertThat(b.expires()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(b.userAgent()).isEqualTo("TestPhone/1.0");
        assertThat(db.store.bindings().ofDevice(account.id(), desk.id())).containsExactly(b);
    }

    @Test
    void onlyTheConfiguredAlgorithmsAreOffered() {
        offered = List.of(DigestAlgorithm.MD5);
        registrar = newRegistrar(clock);
        RecordingTransaction first = RecordingTransaction.udp(register("1001", "acme.example",
                "Contact: <sip:1001@192.168.1.20:5062>", null), "203.0.113.7", 40123);
        registrar.register(first);
        assertThat(first.last().headers().all(HeaderNames.WWW_AUTHENTICATE)).singleElement()
                .satisfies(h -> assertThat(h).contains("algorithm=MD5"));
        SipResponse ok = registerWithPassword(register("1001", "acme.example", "Contact: <sip:1001@192.168.1.20:5062>",
                null), "1001", "right-secret");
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsForbiddenAndBindsNothing() {
        SipResponse refused = registerWithPassword(register("1001", "acme.example",
                "Contact: <sip:1001@192.168.1.20:5062>", null), "1001", "wrong-secret");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(registrar.contacts(account.id(), desk.id())).isEmpty();
        SipResponse unknown = registerWithPassword(register("9999", "acme.example",
                "Contact: <sip:9999@192.168.1.20:5062>", null), "9999", "whatever");
        assertThat(unknown.status()).isEqualTo(403);
    }

    @Test
    void expiriesAreBoundedAndTooShortOnesRefusedWith423() {
        SipResponse brief = registerWithPassword(register("1001", "acme.example",
                "Contact: <sip:1001@192.168.1.20:5062>", "30"), "1001", "right-secret");
        assertThat(brief.status()).isEqualTo(423);
        assertThat(brief.header(HeaderNames.MIN_EXPIRES)).contains("60");

        SipResponse capped = registerWithPassword(register("1001", "acme.example",
                "Contact: <sip:1001@192.168.1.20:5062>;expires=86400", "120"), "1001", "right-secret");
        assertThat(capped.status()).isEqualTo(200);
        assertThat(capped.headers().all(HeaderNames.CONTACT)).containsExactly("<sip:1001@192.168.1.20:5062>;expires=3600");
    }

    @Test
    void severalContactsEachUnregisterAloneOrAllAtOnce() {
        registerWithPassword(register("1001", "acme.example", "Contact: <sip:1001@192.168.1.20:5062>", "600"),
                "1001", "right-secret");
        registerWithPassword(register("1001", "acme.example", "Contact: <sip:1001@10.9.9.9:5060>", "300"),
                "1001", "right-secret");
        assertThat(registrar.contacts(account.id(), desk.id())).hasSize(2);

        SipResponse one = registerWithPassword(register("1001", "acme.example",
                "Contact: <sip:1001@10.9.9.9:5060>", "0"), "1001", "right-secret");
        assertThat(one.headers().all(HeaderNames.CONTACT)).containsExactly("<sip:1001@192.168.1.20:5062>;expires=600");

        SipResponse all = registerWithPassword(register("1001", "acme.example", "Contact: *", "0"), "1001",
                "right-secret");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.headers().all(HeaderNames.CONTACT)).isEmpty();
        assertThat(registrar.contacts(account.id(), desk.id())).isEmpty();
        assertThat(db.store.bindings().ofDevice(account.id(), desk.id())).isEmpty();

        SipResponse badWildcard = registerWithPassword(register("1001", "acme.example", "Contact: *", "60"), "1001",
                "right-secret");
        assertThat(badWildcard.status()).isEqualTo(400);
    }

    @Test
    void registrationsSurviveARestartUntilTheyExpire() {
        registerWithPassword(register("1001", "acme.example", "Contact: <sip:1001@192.168.1.20:5062>", "600"),
                "1001", "right-secret");

        Registrar restarted = newRegistrar(Clock.fixed(NOW.plusSeconds(300), ZoneOffset.UTC));
        assertThat(restarted.contacts(account.id(), desk.id())).extracting(Binding::contactUri)
                .containsExactly("sip:1001@192.168.1.20:5062");

        Registrar later = newRegistrar(Clock.fixed(NOW.plusSeconds(601), ZoneOffset.UTC));
        assertThat(later.contacts(account.id(), desk.id())).isEmpty();
        assertThat(later.purgeExpired()).isEqualTo(1);
    }

    @Test
    void aPhoneThatRegistersToTheServersAddressFindsItsAccountByUserName() {
        RecordingTransaction first = RecordingTransaction.udp(register("1001", "192.0.2.10",
                "Contact: <sip:1001@192.168.1.20:5062>", null), "203.0.113.7", 40123);
        registrar.register(first);
        assertThat(first.last().header(HeaderNames.WWW_AUTHENTICATE)).hasValueSatisfying(h ->
                assertThat(h).contains("realm=\"acme.example\""));
        SipResponse ok = registerWithPassword(register("1001", "192.0.2.10", "Contact: <sip:1001@192.168.1.20:5062>",
                null), "1001", "right-secret");
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void anIpAuthenticatedDeviceRegistersFromItsAddressWithoutAPassword() {
        Document pbx = db.add(account, "device", """
                {"name":"pbx","sip":{"username":"pbx","method":"ip","ip":"198.51.100.9"}}""");
        RecordingTransaction fromIt = RecordingTransaction.udp(register("pbx", "acme.example",
                "Contact: <sip:pbx@198.51.100.9>", null), "198.51.100.9", 5060);
        registrar.register(fromIt);
        assertThat(fromIt.last().status()).isEqualTo(200);
        assertThat(registrar.contacts(account.id(), pbx.id())).hasSize(1);

        RecordingTransaction elsewhere = RecordingTransaction.udp(register("pbx", "acme.example",
                "Contact: <sip:pbx@198.51.100.10>", null), "198.51.100.10", 5060);
        registrar.register(elsewhere);
        assertThat(elsewhere.last().status()).as("from another address it must authenticate").isEqualTo(401);
    }

    @Test
    void anOutOfOrderRefreshIsRefused() {
        cseq = 10;
        String text = register("1001", "acme.example", "Contact: <sip:1001@192.168.1.20:5062>", "600");
        assertThat(registerWithPassword(text, "1001", "right-secret").status()).isEqualTo(200);
        cseq = 0;
        SipResponse stale = registerWithPassword(register("1001", "acme.example",
                "Contact: <sip:1001@192.168.1.20:5062>", "600"), "1001", "right-secret");
        assertThat(stale.status()).isEqualTo(500);
    }
}
