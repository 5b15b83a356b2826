package dev.switchboard.telephony.mwi;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.doc.Document;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.auth.Credential;
import dev.switchboard.sip.auth.DigestResult;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.transaction.ServerTransaction;
import dev.switchboard.telephony.DigestAuth;
import dev.switchboard.telephony.Directory;

/**
 * Who sends a SUBSCRIBE: an {@code ip}-authenticated device by its source address, else a device of the account
 * the request names (its realm, else the one account having a device with the From user name) proving its SIP
 * password by digest, challenged with 407 as any request but REGISTER, with the configured algorithms. Unknown
 * accounts and wrong passwords get 403.
 */
final class Subscribers {
    private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

    /** An authenticated subscriber. */
    record Subscriber(Document account, Document device) {
    }

    private final Directory directory;
    private final DigestAuth digest;

    Subscribers(Directory directory, DigestAuth digest) {
        this.directory = directory;
        this.digest = digest;
    }

    /** The subscriber, or empty when the transaction has been answered here (407, 403). */
    Optional<Subscriber> identify(ServerTransaction tx) {
        SipRequest request = tx.request();
        String sourceIp = tx.source().remote().getAddress().getHostAddress();
        Optional<Document> ipDevice = directory.deviceByIp(sourceIp);
        if (ipDevice.isPresent()) {
            Optional<Document> account = directory.account(ipDevice.get().accountId());
            if (account.isPresent()) {
                return Optional.of(new Subscriber(account.get(), ipDevice.get()));
            }
        }
        Optional<Document> account = accountOf(request);
        if (account.isEmpty()) {
            refuse(tx, "no account for the request", null, sourceIp);
            return Optional.empty();
        }
        Document found = account.get();
        String realm = Directory.realm(found);
        DigestResult result = digest.verify(request, realm, true, (user, r) -> directory.device(found.id(), user)
                .filter(d -> !d.body().path("sip").path("method").asString("password").equals("ip"))
                .map(d -> Credential.password(d.body().path("sip").path("password").asString(""))));
        switch (result.outcome()) {
            case MISSING, STALE -> {
                tx.respond(digest.challenge(request, realm, true, result.outcome() == DigestResult.Outcome.STALE,
                        SipStack.newTag()));
                return Optional.empty();
            }
            case INVALID -> {
                refuse(tx, result.reason(), found.id(), sourceIp);
                return Optional.empty();
            }
            case OK -> {
            }
        }
        return directory.device(found.id(), result.username()).map(d -> new Subscriber(found, d));
    }

    private Optional<Document> accountOf(SipRequest request) {
        for (String host : List.of(request.requestUri().host(), request.from().uri().host())) {
            Optional<Document> byRealm = directory.accountByRealm(host);
            if (byRealm.isPresent()) {
                return byRealm;
            }
        }
        List<Document> devices = directory.devicesAnywhere(request.from().uri().user());
        return devices.size() == 1 ? directory.account(devices.getFirst().accountId()) : Optional.empty();
    }

    private static void refuse(ServerTransaction tx, String why, String accountId, String source) {
        LOG.atInfo().setMessage("subscription refused").addKeyValue("account_id", accountId)
                .addKeyValue("call_id", tx.request().callId()).addKeyValue("reason", why)
                .addKeyValue("source", source).log();
        tx.respond(tx.request().createResponse(403, "Forbidden", SipStack.newTag()));
    }
}
