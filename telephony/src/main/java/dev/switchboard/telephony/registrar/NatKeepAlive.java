package dev.switchboard.telephony.registrar;

import java.net.InetSocketAddress;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.registration.Binding;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.dialog.OptionsRequests;
import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.sip.transaction.ResponseHandler;
import dev.switchboard.sip.transport.Destination;
import dev.switchboard.sip.transport.Transport;

/**
 * Keeps the NAT mappings of registered phones open: an OPTIONS to every UDP contact that registered from another
 * address than its Contact says (it is behind NAT), sent where its REGISTER came from. Connection transports keep
 * their mapping with the connection itself.
 */
public final class NatKeepAlive implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(NatKeepAlive.class);

    private final Registrar registrar;
    private final SipStack stack;

    public NatKeepAlive(Registrar registrar, SipStack stack) {
        this.registrar = registrar;
        this.stack = stack;
    }

    /** Whether a binding is behind NAT: UDP, and its REGISTER came from an address other than its Contact's. */
    static boolean natted(Binding b) {
        if (!b.transport().equals("udp")) {
            return false;
        }
        try {
            SipUri contact = SipUri.parse(b.contactUri());
            int port = contact.port() > 0 ? contact.port() : 5060;
            return !contact.host().toLowerCase(Locale.ROOT).equals(b.host()) || port != b.port();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    @Override
    public void run() {
        for (Binding b : registrar.all()) {
            if (!natted(b)) {
                continue;
            }
            try {
                SipUri target = SipUri.parse(b.contactUri());
                NameAddress from = NameAddress.of(stack.contactUri("keepalive", Transport.UDP));
                stack.send(OptionsRequests.keepAlive(target, from),
                        Destination.of(Transport.UDP, new InetSocketAddress(b.host(), b.port())), QUIET);
            } catch (RuntimeException e) {
                LOG.atDebug().setMessage("keep-alive not sent").addKeyValue("account_id", b.accountId())
                        .addKeyValue("device_id", b.deviceId()).setCause(e).log();
            }
        }
    }

    /** A keep-alive's answer does not matter: any packet back keeps the mapping. */
    private static final ResponseHandler QUIET = new ResponseHandler() {
        @Override
        public void onFinal(SipResponse response) {
        }

        @Override
        public void onTimeout() {
        }

        @Override
        public void onTransportError(Exception cause) {
        }
    };
}
