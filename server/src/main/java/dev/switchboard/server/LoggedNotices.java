package dev.switchboard.server;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.engine.Notifier;
import dev.switchboard.core.engine.Presence;

/**
 * E-mail and presence of real calls until the notify module exists: each notice is a log line, so nothing is sent
 * and nothing is lost silently.
 */
final class LoggedNotices implements Notifier, Presence {
    private static final Logger LOG = LoggerFactory.getLogger(LoggedNotices.class);

    @Override
    public void email(List<String> to, String subject, String body, List<Attachment> attachments) {
        LOG.atInfo().setMessage("e-mail not sent: no mail server is configured").addKeyValue("to", to)
                .addKeyValue("subject", subject).addKeyValue("attachments", attachments.size()).log();
    }

    @Override
    public void update(String presenceId, String state) {
        LOG.atDebug().setMessage("presence").addKeyValue("presence_id", presenceId).addKeyValue("state", state).log();
    }

    @Override
    public void messageWaiting(String accountId, String vmboxId, int newMessages, int savedMessages) {
        LOG.atDebug().setMessage("message waiting").addKeyValue("account_id", accountId)
                .addKeyValue("vmbox_id", vmboxId).addKeyValue("new", newMessages).addKeyValue("saved", savedMessages)
                .log();
    }
}
