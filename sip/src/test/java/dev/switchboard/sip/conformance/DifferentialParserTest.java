package dev.switchboard.sip.conformance;

import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipParser;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.sip.message.Via;
import gov.nist.javax.sip.header.ContactList;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import org.junit.jupiter.api.Test;

import javax.sip.header.ViaHeader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our parser against NIST's JAIN-SIP reference parser on the valid torture messages and on a few thousand generated
 * ones: both must read the same method or status, Request-URI, Call-ID, CSeq, tags, Via branches, Contact URIs and
 * body length.
 */
class DifferentialParserTest {
    private static final int GENERATED = 3000;
    private final SipParser ours = new SipParser();

    /** The fields compared, in a form both parsers can give. */
    record Reading(String startLine, SipUri requestUri, String callId, long cseq, String cseqMethod, String fromTag,
                   String toTag, List<String> branches, List<SipUri> contacts, int bodyLength) {}

    private Reading ours(byte[] bytes) throws Exception {
        SipMessage m = ours.parse(bytes);
        String start = m instanceof SipRequest r ? r.method() : Integer.toString(((SipResponse) m).status());
        return new Reading(start, m instanceof SipRequest r ? r.requestUri() : null, m.callId(), m.cseq().number(),
                m.cseq().method(), m.from().tag().orElse(null), m.to().tag().orElse(null),
                m.vias().stream().map(v -> v.branch().orElse(null)).toList(),
                m.contacts().stream().map(NameAddress::uri).toList(), m.body().length);
    }

    private static Reading theirs(byte[] bytes) throws Exception {
        SIPMessage m = new StringMsgParser().parseSIPMessage(bytes, true, false, null);
        String start = m instanceof SIPRequest r ? r.getMethod() : Integer.toString(((SIPResponse) m).getStatusCode());
        List<String> branches = new ArrayList<>();
        for (Iterator<?> it = m.getViaHeaders().iterator(); it.hasNext(); ) branches.add(((ViaHeader) it.next()).getBranch());
        List<SipUri> contacts = new ArrayList<>();
        ContactList list = m.getContactHeaders();
        if (list != null) {
            for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
                contacts.add(SipUri.parse(((javax.sip.header.ContactHeader) it.next()).getAddress().getURI().toString()));
            }
        }
        byte[] body = m.getRawContent();
        return new Reading(start, m instanceof SIPRequest r ? SipUri.parse(r.getRequestURI().toString()) : null,
                m.getCallId().getCallId(), m.getCSeq().getSeqNumber(), m.getCSeq().getMethod(), m.getFromTag(),
                m.getToTag(), branches, contacts, body == null ? 0 : body.length);
    }

    @Test
    void generatedMessagesReadTheSame() throws Exception {
        MessageGenerator generator = new MessageGenerator(4475);
        for (int i = 0; i < GENERATED; i++) {
            byte[] message = generator.next();
            assertThat(ours(message)).as("message %d:%n%s", i, new String(message)).isEqualTo(theirs(message));
        }
    }

    @Test
    void validTortureMessagesReadTheSameWhereJainSipReadsThemAtAll() throws Exception {
        int compared = 0;
        for (String name : TortureCorpus.names()) {
            if (TortureCorpus.EXPECTED.get(name).parse() != TortureCorpus.Parse.VALID) continue;
            byte[] bytes = TortureCorpus.bytes(name);
            Reading theirs;
            try {
                theirs = theirs(bytes);
            } catch (Exception | Error e) {
                continue; // JAIN-SIP is stricter on some of the RFC's valid oddities (unusual schemes, methods)
            }
            Reading mine = ours(bytes);
            if (!new String(bytes, java.nio.charset.StandardCharsets.UTF_8).toLowerCase().matches("(?s).*\r\n(content-length|l)\s*:.*")) {
                // without Content-Length a datagram's body runs to its end (RFC 3261 §18.3); JAIN-SIP reads none
                mine = new Reading(mine.startLine(), mine.requestUri(), mine.callId(), mine.cseq(), mine.cseqMethod(),
                        mine.fromTag(), mine.toTag(), mine.branches(), mine.contacts(), theirs.bodyLength());
            }
            assertThat(mine).as(name).isEqualTo(theirs);
            compared++;
        }
        assertThat(compared).as("torture messages both parsers read").isGreaterThanOrEqualTo(15);
    }
}
