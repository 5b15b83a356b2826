package dev.switchboard.telephony.mwi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.sip.SipConfig;
import dev.switchboard.sip.SipListener;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.auth.DigestAlgorithm;
import dev.switchboard.sip.auth.DigestServer;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.transaction.ServerTransaction;
import dev.switchboard.telephony.DigestAuth;
import dev.switchboard.telephony.Directory;
import dev.switchboard.telephony.TestStore;
import dev.switchboard.telephony.registrar.Registrar;
import dev.switchboard.telephony.registrar.RegistrarSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Message waiting over a real SIP stack on loopback, with a UDP phone: SUBSCRIBE with digest, NOTIFY at once and on
 * every change, refresh, unsubscribe and expiry; unsolicited NOTIFYs to the owner's registered phones.
 */
class MessageWaitingTest {
    private final MovableClock clock = new MovableClock(Instant.now());
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private TestStore db;
    private SipStack stack;
    private Registrar registrar;
    private MessageWaiting mwi;
    private Document account;
    private Document alice;
    private Document box;
    private UdpPhone phone;
    private int cseq;

    @BeforeEach
    void setUp() throws IOException {
        db = new TestStore(clock);
        account = db.account("acme", "acme.example");
        alice = db.add(account, "user", """
                {"first_name":"Alice","last_name":"Liddell","username":"alice"}""");
        db.add(account, "device", """
                {"name":"desk","owner_id":"%s","sip":{"username":"1001","password":"desk-secret"}}"""
                .formatted(alice.id()));
        db.add(account, "device", """
                {"name":"quiet","owner_id":"%s","mwi_unsolicited_updates":false,
                 "sip":{"username":"1002","password":"quiet-secret"}}""".formatted(alice.id()));
        db.add(account, "device", """
                {"name":"lobby","sip":{"username":"1003","password":"lobby-secret"}}""");
        box = db.add(account, "vmbox", """
                {"name":"Alice","mailbox":"2000","owner_id":"%s","pin":"1234"}""".formatted(alice.id()));
        Directory directory = new Directory(db.store);
        DigestAuth digest = new DigestAuth(new DigestServer(Duration.ofMinutes(5), clock),
                List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256));
        registrar = new Registrar(directory, db.store.bindings(), digest, clock, RegistrarSettings.DEFAULTS);
        SipListener listener = tx -> threads.execute(() -> dispatch(tx));
        stack = SipStack.start(SipConfig.builder().bindAddress(InetAddress.getLoopbackAddress())
                .advertisedHost("127.0.0.1").udpPort(0).tcpPort(0).tlsPort(-1).build(), listener);
        mwi = new MessageWaiting(directory, registrar, digest, stack, MessageWaiting.DIRECT, clock,
                MessageWaiting.Settings.DEFAULTS, new SimpleMeterRegistry());
        registrar.onNewContact(b -> mwi.deviceChanged(b.accountId(), b.deviceId()));
        phone = new UdpPhone(stack.localAddress(dev.switchboard.sip.transport.Transport.UDP).getPort());
    }

    private void dispatch(ServerTransaction tx) {
        switch (tx.request().method()) {
            case SipRequest.REGISTER -> registrar.register(tx);
            case SipRequest.SUBSCRIBE -> mwi.subscribe(tx);
            default -> tx.respond(tx.request().createResponse(405));
        }
    }

    @AfterEach
    void tearDown() {
        phone.close();
        mwi.close();
        stack.close();
        threads.shutdownNow();
        db.close();
    }

    private String subscribe(String target, String user, String extra) {
        cseq++;
        return """
                SUBSCRIBE sip:%1$s@acme.example SIP/2.0
                %%VIA%%
                From: <sip:%2$s@acme.example>;tag=ph%3$d
                To: <sip:%1$s@acme.example>
                Call-ID: mwi-%3$d@127.0.0.1
                CSeq: %3$d SUBSCRIBE
                Contact: <%4$s>
                Max-Forwards: 70
                %5$s
                Content-Length: 0
                """.formatted(target, user, cseq, phone.contact(user), extra);
    }

    private void addMessage(String folder) {
        db.add(account, "mailbox_message", """
                {"source_id":"%s","folder":"%s","caller_id_number":"5551234","length":4000}"""
                .formatted(box.id(), folder));
        mwi.boxChanged(account.id(), box.id());
    }

    private static String body(SipRequest notify) {
        return notify.bodyText();
    }

    @Test
    void aSubscriptionToTheMailboxGetsItsStateAtOnceAndOnEveryChange() {
        SipResponse ok = phone.requestWithPassword(subscribe("2000", "1001",
                "Event: message-summary\nExpires: 600\nAccept: application/simple-message-summary"),
                "1001", "desk-secret");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header(HeaderNames.EXPIRES)).contains("600");
        assertThat(ok.to().tag()).isPresent();
        SipRequest first = phone.nextNotify();
        assertThat(first.header(HeaderNames.EVENT)).contains("message-summary");
        assertThat(first.header(HeaderNames.SUBSCRIPTION_STATE)).contains("active;expires=600");
        assertThat(first.contentType()).contains("application/simple-message-summary");
        assertThat(first.from().tag()).as("NOTIFY comes in the subscription's dialog").isEqualTo(ok.to().tag());
        assertThat(first.to().tag()).isEqualTo(ok.from().tag());
        assertThat(first.callId()).isEqualTo(ok.callId());
        assertThat(body(first)).isEqualTo("Messages-Waiting: no\r\nMessage-Account: sip:2000@acme.example\r\n"
                + "Voice-Message: 0/0 (0/0)\r\n");

        addMessage("new");
        SipRequest lit = phone.nextNotify();
        assertThat(body(lit)).contains("Messages-Waiting: yes").contains("Voice-Message: 1/0 (0/0)");
        assertThat(lit.cseq().number()).isGreaterThan(first.cseq().number());

        addMessage("saved");
        assertThat(body(phone.nextNotify())).contains("Messages-Waiting: yes").contains("Voice-Message: 1/1 (0/0)");
    }

    @Test
    void withoutCredentialsTheSubscriberIsChallengedWithTheConfiguredAlgorithms() {
        SipResponse challenge = phone.request(subscribe("2000", "1001", "Event: message-summary"));
        assertThat(challenge.status()).isEqualTo(407);
        assertThat(challenge.headers().all(HeaderNames.PROXY_AUTHENTICATE)).hasSize(2)
                .allSatisfy(h -> assertThat(h).contains("realm=\"acme.example\""));
        assertThat(challenge.headers().all(HeaderNames.PROXY_AUTHENTICATE).getFirst()).contains("algorithm=MD5");
        assertThat(challenge.headers().all(HeaderNames.PROXY_AUTHENTICATE).getLast()).contains("algorithm=SHA-256");
        assertThat(mwi.subscriptionCount()).isZero();
    }

    @Test
    void aWrongPasswordOrAnUnknownAccountIsForbidden() {
        assertThat(phone.requestWithPassword(subscribe("2000", "1001", "Event: message-summary"), "1001",
                "wrong-secret").status()).isEqualTo(403);
        String stranger = subscribe("2000", "7777", "Event: message-summary").replace("acme.example", "nowhere.example");
        assertThat(phone.request(stranger).status()).isEqualTo(403);
        assertThat(mwi.subscriptionCount()).isZero();
    }

    @Test
    void otherEventsAreRefusedWith489AndTooShortSubscriptionsWith423() {
        SipResponse badEvent = phone.request(subscribe("2000", "1001", "Event: presence"));
        assertThat(badEvent.status()).isEqualTo(489);
        assertThat(badEvent.header("Allow-Events")).contains("message-summary");
        assertThat(phone.request(subscribe("2000", "1001", "X-No-Event: 1")).status()).isEqualTo(489);

        SipResponse brief = phone.request(subscribe("2000", "1001", "Event: message-summary\nExpires: 10"));
        assertThat(brief.status()).isEqualTo(423);
        assertThat(brief.header(HeaderNames.MIN_EXPIRES)).contains("60");

        SipResponse garbled = phone.request(subscribe("2000", "1001", "Event: message-summary\nExpires: soon"));
        assertThat(garbled.status()).isEqualTo(400);
    }

    @Test
    void aMailboxThatDoesNotExistIs404AndAnAcceptWithoutSummariesIs406() {
        assertThat(phone.requestWithPassword(subscribe("2999", "1001", "Event: message-summary"), "1001",
                "desk-secret").status()).isEqualTo(404);
        assertThat(phone.request(subscribe("2000", "1001", "Event: message-summary\nAccept: application/pidf+xml"))
                .status()).isEqualTo(406);
    }

    @Test
    void aPhoneSubscribedToItselfSeesItsOwnersBoxes() {
        addMessage("new");
        assertThat(phone.requestWithPassword(subscribe("1001", "1001", "Event: message-summary"), "1001",
                "desk-secret").status()).isEqualTo(200);
        assertThat(body(phone.nextNotify())).contains("Messages-Waiting: yes")
                .contains("Message-Account: sip:2000@acme.example").contains("Voice-Message: 1/0");

        assertThat(phone.requestWithPassword(subscribe("1003", "1003", "Event: message-summary"), "1003",
                "lobby-secret").status()).as("a phone without owner has a dark lamp").isEqualTo(200);
        assertThat(body(phone.nextNotify())).isEqualTo("Messages-Waiting: no\r\nVoice-Message: 0/0 (0/0)\r\n");
    }

    @Test
    void refreshUnsubscribeAndUnknownDialogs() {
        SipResponse ok = phone.requestWithPassword(subscribe("2000", "1001", "Event: message-summary\nExpires: 600"),
                "1001", "desk-secret");
        assertThat(phone.nextNotify().header(HeaderNames.SUBSCRIPTION_STATE)).contains("active;expires=600");
        String tag = ok.to().tag().orElseThrow();
        String inDialog = """
                SUBSCRIBE sip:2000@acme.example SIP/2.0
                %%VIA%%
                From: <sip:1001@acme.example>;tag=%1$s
                To: <sip:2000@acme.example>;tag=%2$s
                Call-ID: %3$s
                CSeq: %4$d SUBSCRIBE
                Contact: <%5$s>
                Event: message-summary
                Expires: %6$d
                Content-Length: 0
                """;
        String from = ok.from().tag().orElseThrow();
        long seq = ok.cseq().number();

        SipResponse refreshed = phone.request(inDialog.formatted(from, tag, ok.callId(), seq + 1,
                phone.contact("1001"), 7200));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.header(HeaderNames.EXPIRES)).as("capped at an hour").contains("3600");
        assertThat(phone.nextNotify().header(HeaderNames.SUBSCRIPTION_STATE)).contains("active;expires=3600");

        assertThat(phone.request(inDialog.formatted(from, tag, ok.callId(), seq + 1, phone.contact("1001"), 600))
                .status()).as("a CSeq that does not grow").isEqualTo(500);

        SipResponse ended = phone.request(inDialog.formatted(from, tag, ok.callId(), seq + 2, phone.contact("1001"), 0));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(phone.nextNotify().header(HeaderNames.SUBSCRIPTION_STATE)).contains("terminated");
        assertThat(mwi.subscriptionCount()).isZero();

        assertThat(phone.request(inDialog.formatted(from, tag, ok.callId(), seq + 3, phone.contact("1001"), 600))
                .status()).as("the dialog is gone").isEqualTo(481);
    }

    @Test
    void subscriptionsRunOutWithATimeoutNotify() {
        phone.requestWithPassword(subscribe("2000", "1001", "Event: message-summary\nExpires: 120"), "1001",
                "desk-secret");
        phone.nextNotify();
        mwi.expire();
        assertThat(mwi.subscriptionCount()).as("not yet").isEqualTo(1);

        clock.advance(Duration.ofSeconds(121));
        mwi.expire();

        assertThat(phone.nextNotify().header(HeaderNames.SUBSCRIPTION_STATE)).contains("terminated;reason=timeout");
        assertThat(mwi.subscriptionCount()).isZero();
    }

    @Test
    void aSubscriberAnswering481IsForgotten() {
        phone.requestWithPassword(subscribe("2000", "1001", "Event: message-summary"), "1001", "desk-secret");
        phone.nextNotify();
        phone.answerNotifiesWith(481);
        addMessage("new");
        phone.nextNotify();
        await().atMost(Duration.ofSeconds(10)).until(() -> mwi.subscriptionCount() == 0);
    }

    private String register(String user, int port) {
        cseq++;
        return """
                REGISTER sip:acme.example SIP/2.0
                %%VIA%%
                From: <sip:%1$s@acme.example>;tag=r%2$d
                To: <sip:%1$s@acme.example>
                Call-ID: reg-%1$s@127.0.0.1
                CSeq: %2$d REGISTER
                Contact: <sip:%1$s@127.0.0.1:%3$d>
                Expires: 600
                Content-Length: 0
                """.formatted(user, cseq, port);
    }

    @Test
    void registeredPhonesOfTheOwnerGetUnsolicitedNotifiesUnlessTheyOptedOut() {
        assertThat(phone.requestWithPassword(register("1002", phone.port()), "1002", "quiet-secret").status())
                .isEqualTo(200);
        assertThat(phone.requestWithPassword(register("1001", phone.port()), "1001", "desk-secret").status())
                .isEqualTo(200);
        SipRequest onRegister = phone.nextNotify();
        assertThat(onRegister.requestUri().user()).as("sent when the desk phone registered").isEqualTo("1001");
        assertThat(onRegister.to().tag()).as("outside any dialog").isEmpty();
        assertThat(onRegister.from().uri().toString()).isEqualTo("sip:1001@acme.example");
        assertThat(onRegister.header(HeaderNames.SUBSCRIPTION_STATE)).contains("active");
        assertThat(body(onRegister)).contains("Messages-Waiting: no");

        addMessage("new");
        SipRequest lit = phone.nextNotify();
        assertThat(lit.requestUri().user()).as("the opted-out phone (1002) got nothing before it").isEqualTo("1001");
        assertThat(body(lit)).contains("Messages-Waiting: yes").contains("Message-Account: sip:2000@acme.example")
                .contains("Voice-Message: 1/0 (0/0)");

        new MessageWaitingChanges(mwi).accept(db.store.update(account.id(), box.id(), null,
                box.body().deepCopy().put("name", "Alice's box")));
        assertThat(phone.nextNotify().requestUri().user()).isEqualTo("1001");
    }
}
