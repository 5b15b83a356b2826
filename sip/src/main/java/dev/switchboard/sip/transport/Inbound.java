package dev.switchboard.sip.transport;

import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipParseException;

/** What the transports hand to the layer above: parsed messages with their source, and parse failures. */
public interface Inbound {
    void onMessage(SipMessage message);

    void onParseError(SipParseException error, Source source);
}
