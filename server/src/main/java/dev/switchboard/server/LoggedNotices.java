package dev.switchboard.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.engine.Presence;

/**
 * Busy-lamp presence of real calls until presence is published to phones: each update is a log line, so nothing is
 * lost silently. Message waiting reaches phones through telephony's MWI, which wraps this.
 */
final class LoggedNotices implements Presence {
    private static final Logger LOG = LoggerFactory.getLogger(LoggedNotices.class);

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
