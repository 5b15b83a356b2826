package dev.switchboard.telephony.endpoint;

import java.util.Map;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.Party;

/**
 * One INVITE to send for a bridge leg.
 *
 * @param endpoint    the engine's leg it serves (the result names it)
 * @param requestUri  the Request-URI
 * @param hop         where to send it
 * @param credentials for a challenge, or null
 * @param callerId    what the callee sees in From
 * @param fromHost    the host of the From URI, or null for our own address
 * @param headers     extra headers (Alert-Info, custom ones)
 */
public record SipTarget(BridgeEndpoint endpoint, String requestUri, Hop hop, DigestCredentials credentials,
                        Party callerId, String fromHost, Map<String, String> headers) {

    public SipTarget {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
