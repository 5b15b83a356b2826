package dev.switchboard.telephony.mwi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.sip.transaction.ResponseHandler;
import dev.switchboard.sip.transport.Destination;
import dev.switchboard.sip.transport.Transport;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends {@code message-summary} NOTIFYs: in a subscription's dialog, or unsolicited (outside any dialog, as KAZOO,
 * FreeSWITCH and Asterisk send them to registered phones that never subscribed). Never blocks: answers arrive on the
 * stack's threads.
 */
final class NotifySender {
    private static final Logger LOG = LoggerFactory.getLogger(NotifySender.class);
    private static final long SEQ_EPOCH = 1_577_836_800L;

    /** What a subscription's NOTIFY learnt about its subscriber. */
    interface Outcome {
        /** The phone no longer has the subscription (481) or cannot be reached: forget it. */
        void gone();
    }

    private final SipStack stack;
    private final MeterRegistry metrics;
    /** Seconds since 2020 at start: above any CSeq a previous run used unless it sent more than one a second. */
    private final AtomicLong unsolicitedSeq;

    NotifySender(SipStack stack, Clock clock, MeterRegistry metrics) {
        this.stack = stack;
        this.metrics = metrics;
        this.unsolicitedSeq = new AtomicLong(clock.instant().getEpochSecond() - SEQ_EPOCH);
    }

    /** A NOTIFY in the subscription's dialog with {@code state} as its Subscription-State. */
    void inDialog(Subscription s, MessageSummary summary, String state, Outcome outcome) {
        SipRequest notify = s.dialog().newRequest(SipRequest.NOTIFY);
        fill(notify, s.destination(), summary, state);
        String accountId = s.watched().accountId();
        stack.send(notify, s.destination(), new ResponseHandler() {
            @Override
            public void onFinal(SipResponse response) {
                count("solicited", response.isSuccess() ? "delivered" : "refused");
                if (response.status() == 481 || response.status() == 404 || response.status() == 408) {
                    log("subscriber has no subscription", accountId, notify, response.status());
                    outcome.gone();
                }
            }

            @Override
            public void onTimeout() {
                count("solicited", "timeout");
                log("subscriber did not answer", accountId, notify, 0);
                outcome.gone();
            }

            @Override
            public void onTransportError(Exception cause) {
                count("solicited", "unreachable");
                log("subscriber unreachable", accountId, notify, 0);
                outcome.gone();
            }
        });
    }

    /**
     * An unsolicited NOTIFY to a registered contact, From and To the device's address of record, with
     * Subscription-State active as phones expect (RFC 6665 requires the header; there is no subscription to end).
     * The NOTIFYs to one contact share a Call-ID and From tag derived from it, with a CSeq that only grows (across
     * restarts too), as Asterisk keeps one MWI conversation per phone: a phone, or a test tool, sees one stream of
     * lamp updates in order, and nothing is remembered per contact.
     */
    void unsolicited(String accountId, SipUri contact, Destination to, SipUri addressOfRecord, MessageSummary summary) {
        String conversation = conversationId(accountId, contact);
        SipRequest notify = SipRequest.builder(SipRequest.NOTIFY, contact)
                .from(NameAddress.of(addressOfRecord).withTag(conversation.substring(0, 12)))
                .to(NameAddress.of(addressOfRecord))
                .callId("mwi-" + conversation)
                .cseq(unsolicitedSeq.incrementAndGet())
                .build();
        fill(notify, to, summary, "active");
        stack.send(notify, to, new ResponseHandler() {
            @Override
            public void onFinal(SipResponse response) {
                count("unsolicited", response.isSuccess() ? "delivered" : "refused");
                if (!response.isSuccess()) {
                    log("unsolicited message summary refused", accountId, notify, response.status());
                }
            }

            @Override
            public void onTimeout() {
                count("unsolicited", "timeout");
            }

            @Override
            public void onTransportError(Exception cause) {
                count("unsolicited", "unreachable");
            }
        });
    }

    /** Our Contact for the subscription dialogs on a transport. */
    SipUri contact(Transport transport) {
        return stack.contactUri("mwi", transport);
    }

    private void fill(SipRequest notify, Destination to, MessageSummary summary, String state) {
        notify.headers().add(HeaderNames.CONTACT, "<" + contact(to.transport()) + ">");
        notify.headers().add(HeaderNames.EVENT, MessageSummary.EVENT);
        notify.headers().add(HeaderNames.SUBSCRIPTION_STATE, state);
        notify.setBody(MessageSummary.CONTENT_TYPE, summary.body().getBytes(StandardCharsets.US_ASCII));
    }

    private static String conversationId(String accountId, SipUri contact) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountId + "\n" + contact).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void count(String kind, String outcome) {
        metrics.counter("switchboard.mwi.notify", "kind", kind, "outcome", outcome).increment();
    }

    private static void log(String what, String accountId, SipRequest notify, int status) {
        LOG.atInfo().setMessage(what).addKeyValue("account_id", accountId).addKeyValue("call_id", notify.callId())
                .addKeyValue("status", status).log();
    }
}
