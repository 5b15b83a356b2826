package dev.switchboard.telephony.mwi;

import java.nio.charset.StandardCharsets;

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

    /** What a subscription's NOTIFY learnt about its subscriber. */
    interface Outcome {
        /** The phone no longer has the subscription (481) or cannot be reached: forget it. */
        void gone();
    }

    private final SipStack stack;
    private final MeterRegistry metrics;

    NotifySender(SipStack stack, MeterRegistry metrics) {
        this.stack = stack;
        this.metrics = metrics;
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
     */
    void unsolicited(String accountId, SipUri contact, Destination to, SipUri addressOfRecord, MessageSummary summary) {
        SipRequest notify = SipRequest.builder(SipRequest.NOTIFY, contact)
                .from(NameAddress.of(addressOfRecord).withTag(SipStack.newTag()))
                .to(NameAddress.of(addressOfRecord))
                .callId(SipStack.newCallId())
                .cseq(1)
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

    private void count(String kind, String outcome) {
        metrics.counter("switchboard.mwi.notify", "kind", kind, "outcome", outcome).increment();
    }

    private static void log(String what, String accountId, SipRequest notify, int status) {
        LOG.atInfo().setMessage(what).addKeyValue("account_id", accountId).addKeyValue("call_id", notify.callId())
                .addKeyValue("status", status).log();
    }
}
