package dev.switchboard.sip;

import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.transaction.ServerTransaction;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A listener for tests: records what the stack hands up and answers with a configurable behaviour. */
public final class RecordingListener implements SipListener {
    public final BlockingQueue<ServerTransaction> requests = new LinkedBlockingQueue<>();
    public final BlockingQueue<SipRequest> acks = new LinkedBlockingQueue<>();
    public final BlockingQueue<SipResponse> strays = new LinkedBlockingQueue<>();
    private volatile Consumer<ServerTransaction> behaviour = tx -> { };

    /** What to do with each new request (runs on the stack's thread). */
    public RecordingListener answering(Consumer<ServerTransaction> b) {
        this.behaviour = b;
        return this;
    }

    @Override
    public void onRequest(ServerTransaction transaction) {
        requests.add(transaction);
        behaviour.accept(transaction);
    }

    @Override
    public void onAck(SipRequest ack) {
        acks.add(ack);
    }

    @Override
    public void onStrayResponse(SipResponse response) {
        strays.add(response);
    }

    public ServerTransaction nextRequest() throws InterruptedException {
        ServerTransaction tx = requests.poll(10, TimeUnit.SECONDS);
        if (tx == null) throw new AssertionError("no request reached the listener");
        return tx;
    }
}
