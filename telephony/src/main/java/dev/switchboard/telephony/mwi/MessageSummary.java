package dev.switchboard.telephony.mwi;

/**
 * An RFC 3842 {@code application/simple-message-summary} body: whether messages wait, the mailbox they wait in, and
 * the voice message counts (new/old, with no urgent ones: voicemail has no urgency here).
 *
 * @param account the mailbox as a SIP URI ({@code sip:<mailbox>@<realm>}), or null to leave Message-Account out
 * @param fresh   new (unheard) messages
 * @param saved   heard and kept messages
 */
public record MessageSummary(String account, int fresh, int saved) {
    public static final String CONTENT_TYPE = "application/simple-message-summary";
    public static final String EVENT = "message-summary";

    public MessageSummary {
        if (fresh < 0 || saved < 0) {
            throw new IllegalArgumentException("message counts are never negative: " + fresh + "/" + saved);
        }
    }

    public boolean waiting() {
        return fresh > 0;
    }

    /** The body, lines ending in CRLF as RFC 3842 §5.2's ABNF has them. */
    public String body() {
        StringBuilder b = new StringBuilder();
        b.append("Messages-Waiting: ").append(waiting() ? "yes" : "no").append("\r\n");
        if (account != null) {
            b.append("Message-Account: ").append(account).append("\r\n");
        }
        b.append("Voice-Message: ").append(fresh).append('/').append(saved).append(" (0/0)\r\n");
        return b.toString();
    }
}
