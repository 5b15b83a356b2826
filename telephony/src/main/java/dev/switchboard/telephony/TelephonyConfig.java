package dev.switchboard.telephony;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.switchboard.sip.auth.DigestAlgorithm;

import dev.switchboard.telephony.registrar.RegistrarSettings;

/**
 * How the SIP and media side runs.
 *
 * @param address        the address phones and carriers reach us at (Via, Contact, SDP)
 * @param sipPort        UDP and TCP; 0 picks free ports
 * @param tlsPort        TLS; 0 picks a free port, -1 disables it
 * @param tlsCertificate PEM certificate chain, or null for a generated self-signed one
 * @param tlsPrivateKey  PEM PKCS#8 key, or null
 * @param rtpPortMin     lowest RTP port
 * @param rtpPortMax     highest RTP port
 * @param cacheDirectory converted audio, fetched URLs, generated prompts
 * @param country        whose call progress tones callers hear (ISO 3166 alpha-2)
 * @param digestAlgorithms the digest challenges phones get, in order (see {@link DigestAuth})
 * @param sessionKeepAlive how often answered calls check that their peers still have them (OPTIONS in the dialog)
 */
public record TelephonyConfig(String address, int sipPort, int tlsPort, Path tlsCertificate, Path tlsPrivateKey,
                              int rtpPortMin, int rtpPortMax, Path cacheDirectory, String country,
                              RegistrarSettings registrar, List<DigestAlgorithm> digestAlgorithms,
                              Duration sessionKeepAlive) {
}
