package dev.switchboard.media.engine;

import dev.switchboard.media.AudioSource;
import dev.switchboard.media.Codec;
import dev.switchboard.media.Direction;
import dev.switchboard.media.DtmfEvent;
import dev.switchboard.media.DtmfListener;
import dev.switchboard.media.MediaSession;
import dev.switchboard.media.PlayOptions;
import dev.switchboard.media.PlayResult;
import dev.switchboard.media.Playback;
import dev.switchboard.media.PromptResolver;
import dev.switchboard.media.RecordOptions;
import dev.switchboard.media.Recorder;
import dev.switchboard.media.RecordingResult;
import dev.switchboard.media.SdpException;
import dev.switchboard.media.SessionStats;
import dev.switchboard.media.codec.FrameCodec;
import dev.switchboard.media.dtmf.DtmfSender;
import dev.switchboard.media.dtmf.InbandDtmfDetector;
import dev.switchboard.media.dtmf.TelephoneEvent;
import dev.switchboard.media.dtmf.TelephoneEventReceiver;
import dev.switchboard.media.rtp.JitterBuffer;
import dev.switchboard.media.rtp.ReceptionStats;
import dev.switchboard.media.rtp.Rtcp;
import dev.switchboard.media.rtp.RtpPacket;
import dev.switchboard.media.sdp.Negotiated;
import dev.switchboard.media.sdp.SdpNegotiator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MediaSession} on a pair of Netty datagram channels. Three kinds of threads meet here: the media clock
 * ({@link #tick}: send a frame, feed the recorder), the channel's event loop ({@link #onRtp}: latch, count, detect
 * DTMF, relay to the bridged session) and the caller's thread (negotiation, play, record). Fields shared between them
 * are volatile or owned by thread-safe helpers.
 */
final class RtpSession implements MediaSession, MediaClock.Ticking {
    private static final Logger log = LoggerFactory.getLogger(RtpSession.class);
    private static final int COMFORT_NOISE = 13;

    private final RtpMediaEngine engine;
    private final String callId;
    private final long ssrc = ThreadLocalRandom.current().nextLong(1, 0xFFFFFFFFL);
    private final AtomicInteger sequence = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 0x8000));
    private final long timestampBase = ThreadLocalRandom.current().nextLong(0, 0xFFFFFFFFL);
    private final int rtcpPhase = ThreadLocalRandom.current().nextInt(0, 1 << 16);
    private final CopyOnWriteArrayList<DtmfListener> listeners = new CopyOnWriteArrayList<>();
    private final DtmfSender dtmfSender = new DtmfSender();
    private final TelephoneEventReceiver eventReceiver;
    private final InbandDtmfDetector inbandDetector;
    private final JitterBuffer jitterBuffer;
    private final ReceptionStats reception = new ReceptionStats();
    private final short[] sendFrame = new short[Codec.SAMPLES_PER_FRAME];
    private final short[] receiveFrame = new short[Codec.SAMPLES_PER_FRAME];
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong octetsSent = new AtomicLong();
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong packetsIgnored = new AtomicLong();
    private final AtomicLong latePackets = new AtomicLong();
    private final AtomicLong rtcpSent = new AtomicLong();
    private final AtomicLong rtcpReceived = new AtomicLong();

    private Channel rtpChannel;
    private Channel rtcpChannel;
    private int port;
    private SdpNegotiator negotiator;
    private volatile Negotiated negotiated;
    private volatile InetSocketAddress sendTo;
    private volatile InetSocketAddress rtcpTo;
    private volatile InetSocketAddress latched;
    private volatile long currentTimestamp;
    /** Swapped by callers, cleared by the clock when done: compare-and-set so a clear never drops a newer one. */
    private final AtomicReference<ActivePlayback> playback = new AtomicReference<>();
    private final AtomicReference<ActiveRecorder> recorder = new AtomicReference<>();
    private volatile RtpSession peer;
    private volatile RelayState relayIn;
    private volatile PromptResolver promptResolver;
    private volatile double remoteJitterMs = -1;
    private volatile double remoteFractionLost = -1;
    private volatile boolean closed;
    private volatile boolean sentSinceReport;
    private volatile boolean audioGap = true;

    /** How packets relayed into this session are renumbered: their timestamps shifted onto ours. */
    private record RelayState(long sourceSsrc, long sourceBase, long ourBase) {
    }

    RtpSession(RtpMediaEngine engine, String callId) {
        this.engine = engine;
        this.callId = callId;
        this.promptResolver = engine.config().promptResolver();
        this.jitterBuffer = new JitterBuffer(engine.config().jitterBufferFrames());
        this.eventReceiver = new TelephoneEventReceiver((key, d) -> dtmf(key, d, DtmfEvent.Origin.RFC4733));
        this.inbandDetector = new InbandDtmfDetector((key, d) -> dtmf(key, d, DtmfEvent.Origin.INBAND));
    }

    void attach(int rtpPort, Channel rtp, Channel rtcp) {
        this.port = rtpPort;
        this.rtpChannel = rtp;
        this.rtcpChannel = rtcp;
        this.negotiator = new SdpNegotiator(engine.config().advertisedAddress(), rtpPort, engine.config().codecs(),
                engine.config().telephoneEventPayloadType());
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public int localRtpPort() {
        return port;
    }

    // ---- negotiation (caller's thread) ----

    @Override
    public String offer() {
        return offer(Direction.SENDRECV);
    }

    @Override
    public synchronized String offer(Direction direction) {
        return negotiator.offer(direction);
    }

    @Override
    public synchronized String answer(String remoteOffer) throws SdpException {
        String answer = negotiator.answer(remoteOffer, Direction.SENDRECV);
        apply(negotiator.negotiated().orElseThrow());
        return answer;
    }

    @Override
    public synchronized void acceptAnswer(String remoteAnswer) throws SdpException {
        apply(negotiator.acceptAnswer(remoteAnswer));
    }

    /** Takes a new negotiation: a new remote address starts latching over; the same one keeps the latch. */
    private void apply(Negotiated next) {
        Negotiated previous = negotiated;
        boolean sameRemote = previous != null && previous.remoteRtp().equals(next.remoteRtp());
        negotiated = next;
        if (!sameRemote || latched == null) {
            latched = null;
            sendTo = next.remoteRtp().orElse(null);
            rtcpTo = next.remoteRtcp().orElse(null);
        }
        if (next.remoteRtp().isEmpty()) {
            sendTo = null;
        }
    }

    @Override
    public Optional<Codec> negotiatedCodec() {
        Negotiated n = negotiated;
        return n == null ? Optional.empty() : Optional.of(n.codec());
    }

    @Override
    public Direction direction() {
        Negotiated n = negotiated;
        return n == null ? Direction.INACTIVE : n.direction();
    }

    @Override
    public Optional<InetSocketAddress> remoteRtpAddress() {
        return Optional.ofNullable(sendTo);
    }

    // ---- playback and recording ----

    @Override
    public Playback play(AudioSource source, PlayOptions options) {
        ActivePlayback next = new ActivePlayback(options == null ? PlayOptions.UNINTERRUPTIBLE : options,
                engine.executor());
        if (closed) {
            next.finish(PlayResult.Outcome.SESSION_CLOSED, null, null);
            return next;
        }
        ActivePlayback previous = playback.getAndSet(next);
        if (previous != null) {
            previous.finish(PlayResult.Outcome.STOPPED, null, null);
        }
        engine.executor().execute(() -> next.open(source,
                engine.audioContext().withPromptResolver(promptResolver)));
        if (closed) {
            next.finish(PlayResult.Outcome.SESSION_CLOSED, null, null);
        }
        return next;
    }

    @Override
    public Optional<Playback> currentPlayback() {
        ActivePlayback p = playback.get();
        return p == null || p.isDone() ? Optional.empty() : Optional.of(p);
    }

    @Override
    public Recorder record(RecordOptions options) {
        ActiveRecorder next = new ActiveRecorder(options, engine.executor());
        if (closed) {
            next.finish(RecordingResult.EndReason.SESSION_CLOSED, null);
            return next;
        }
        jitterBuffer.reset();
        ActiveRecorder previous = recorder.getAndSet(next);
        if (previous != null) {
            previous.finish(RecordingResult.EndReason.STOPPED, null);
        }
        if (closed) {
            next.finish(RecordingResult.EndReason.SESSION_CLOSED, null);
        }
        return next;
    }

    // ---- DTMF ----

    @Override
    public AutoCloseable onDtmf(DtmfListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void injectDtmf(char key, Duration duration) {
        if (TelephoneEvent.codeOf(key) < 0) {
            throw new IllegalArgumentException("'" + key + "' is not a DTMF key");
        }
        dtmf(Character.toUpperCase(key), duration, DtmfEvent.Origin.SIP_INFO);
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String digits, Duration toneLength) {
        CompletableFuture<Void> done = dtmfSender.enqueue(digits, toneLength);
        if (closed) {
            dtmfSender.cancelAll();
        }
        return done;
    }

    private void dtmf(char key, Duration duration, DtmfEvent.Origin origin) {
        DtmfEvent event = new DtmfEvent(key, duration, origin);
        ActivePlayback p = playback.get();
        if (p != null && p.options().stopsOn(key)) {
            p.finish(PlayResult.Outcome.KEY, key, null);
        }
        ActiveRecorder r = recorder.get();
        if (r != null) {
            r.key(key);
        }
        for (DtmfListener listener : listeners) {
            try {
                listener.onDtmf(this, event);
            } catch (RuntimeException e) {
                log.atWarn().addKeyValue("call_id", callId).setCause(e).log("a DTMF listener failed");
            }
        }
    }

    // ---- bridging ----

    @Override
    public void bridge(MediaSession other) {
        if (!(other instanceof RtpSession that) || that.engine != engine) {
            throw new IllegalArgumentException("only sessions of the same engine can be bridged");
        }
        if (that == this) {
            throw new IllegalArgumentException("a session cannot be bridged to itself");
        }
        synchronized (engine.bridgeLock()) {
            if (peer == that) {
                return;
            }
            unbridgeLocked();
            that.unbridgeLocked();
            relayIn = null;
            that.relayIn = null;
            peer = that;
            that.peer = this;
        }
        stopPlayback();
        that.stopPlayback();
    }

    @Override
    public void unbridge() {
        synchronized (engine.bridgeLock()) {
            unbridgeLocked();
        }
    }

    private void unbridgeLocked() {
        RtpSession other = peer;
        if (other != null) {
            other.peer = null;
            other.audioGap = true;
        }
        peer = null;
        audioGap = true;
    }

    private void stopPlayback() {
        ActivePlayback p = playback.get();
        if (p != null) {
            p.finish(PlayResult.Outcome.STOPPED, null, null);
        }
    }

    @Override
    public Optional<MediaSession> bridgedTo() {
        return Optional.ofNullable(peer);
    }

    @Override
    public void promptResolver(PromptResolver resolver) {
        this.promptResolver = resolver == null ? PromptResolver.NONE : resolver;
    }

    // ---- the clock ----

    @Override
    public void tick(long tick, long dueNanos, Outbox outbox) {
        if (closed) {
            return;
        }
        long timestamp = (timestampBase + tick * Codec.SAMPLES_PER_FRAME) & 0xFFFFFFFFL;
        currentTimestamp = timestamp;
        Negotiated n = negotiated;
        if (n == null) {
            // nobody to send to yet, but time passes for what plays, so its future completes
            advanceUnheard();
            return;
        }
        receiveSide(n);
        sendSide(n, timestamp, outbox);
        long rtcpTicks = Math.max(1, engine.config().rtcpInterval().toNanos() / MediaClock.PERIOD_NANOS);
        if ((tick + rtcpPhase) % rtcpTicks == 0) {
            sendRtcp(timestamp);
        }
    }

    private void advanceUnheard() {
        ActivePlayback p = playback.get();
        if (p != null && !p.isDone()) {
            p.fill(sendFrame);
        }
    }

    private void receiveSide(Negotiated n) {
        eventReceiver.expire(System.nanoTime());
        ActiveRecorder r = recorder.get();
        if (r != null && r.isDone()) {
            recorder.compareAndSet(r, null);
            r = null;
        }
        boolean inband = listensInband(n);
        if (r == null && !inband) {
            return;
        }
        jitterBuffer.take(receiveFrame);
        if (r != null) {
            r.accept(receiveFrame);
        }
        if (inband) {
            inbandDetector.accept(receiveFrame);
        }
    }

    /** In-band detection costs eight filters a frame: only without telephone-events and when someone listens. */
    private boolean listensInband(Negotiated n) {
        if (n.telephoneEventType() >= 0) {
            return false;
        }
        ActivePlayback p = playback.get();
        ActiveRecorder r = recorder.get();
        return !listeners.isEmpty() || (p != null && !p.options().stopKeys().isEmpty())
                || (r != null && !r.isDone());
    }

    private boolean needsDecodedAudio(Negotiated n) {
        ActiveRecorder r = recorder.get();
        return (r != null && !r.isDone()) || listensInband(n);
    }

    private void sendSide(Negotiated n, long timestamp, Outbox outbox) {
        InetSocketAddress to = sendTo;
        boolean maySend = to != null && n.direction().sends();
        if (dtmfSender.busy()) {
            DtmfSender.Step step = dtmfSender.next(timestamp, n.telephoneEventType() >= 0, sendFrame);
            switch (step.kind()) {
                case EVENT -> {
                    if (maySend) {
                        byte[] payload = step.payload();
                        send(to, n.telephoneEventType(), step.marker(), step.eventTimestamp(), payload, 0,
                                payload.length, outbox);
                    }
                    return;
                }
                case TONE -> {
                    if (maySend) {
                        sendAudio(to, n, timestamp, outbox);
                    }
                    return;
                }
                case PAUSE -> {
                    java.util.Arrays.fill(sendFrame, (short) 0);
                    if (maySend) {
                        sendAudio(to, n, timestamp, outbox);
                    }
                    return;
                }
                case IDLE -> {
                    // nothing queued after all: fall through to audio
                }
            }
        }
        ActivePlayback p = playback.get();
        boolean playing = p != null && !p.isDone();
        if (peer != null && !playing) {
            return; // the bridged session's packets are relayed instead
        }
        if (playing) {
            p.fill(sendFrame);
            if (p.isDone()) {
                playback.compareAndSet(p, null);
            }
        } else {
            java.util.Arrays.fill(sendFrame, (short) 0);
        }
        if (maySend) {
            sendAudio(to, n, timestamp, outbox);
        }
    }

    private void sendAudio(InetSocketAddress to, Negotiated n, long timestamp, Outbox outbox) {
        byte[] payload = FrameCodec.encode(n.codec(), sendFrame, sendFrame.length);
        boolean marker = audioGap;
        audioGap = false;
        send(to, n.payloadType(), marker, timestamp, payload, 0, payload.length, outbox);
    }

    /**
     * Sends a packet: from the clock ({@code outbox} given) in the tick's batch, from an event loop (a relayed
     * packet) directly.
     */
    private void send(InetSocketAddress to, int payloadType, boolean marker, long timestamp, byte[] payload,
                      int offset, int length, Outbox outbox) {
        byte[] packet = RtpPacket.build(payloadType, marker, sequence.getAndIncrement() & 0xFFFF, timestamp, ssrc,
                payload, offset, length);
        DatagramPacket datagram = new DatagramPacket(Unpooled.wrappedBuffer(packet), to);
        if (outbox != null) {
            outbox.add(rtpChannel, datagram, this);
        } else {
            rtpChannel.writeAndFlush(datagram, rtpChannel.voidPromise());
        }
        packetsSent.incrementAndGet();
        octetsSent.addAndGet(length);
        engine.metrics().packetsSent.increment();
        sentSinceReport = true;
    }

    /** A packet of ours that its event loop wrote more than 40 ms after it was due. */
    void countLate() {
        latePackets.incrementAndGet();
    }

    private void sendRtcp(long timestamp) {
        InetSocketAddress to = rtcpTo;
        if (to == null) {
            return;
        }
        byte[] block = reception.hasRemote() ? reception.reportBlock(System.nanoTime()) : null;
        byte[] packet = Rtcp.compound(ssrc, sentSinceReport, System.currentTimeMillis(), timestamp,
                packetsSent.get(), octetsSent.get(), block, "switchboard@" + engine.config().advertisedAddress());
        sentSinceReport = false;
        rtcpChannel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(packet), to), rtcpChannel.voidPromise());
        rtcpSent.incrementAndGet();
    }

    // ---- the network (event loop) ----

    void onRtp(byte[] bytes, int length, InetSocketAddress sender) {
        if (closed) {
            return;
        }
        if (RtpPacket.looksLikeRtcp(bytes, length)) {
            onRtcp(bytes, length, sender);
            return;
        }
        Negotiated n = negotiated;
        Optional<RtpPacket> parsed = RtpPacket.parse(bytes, length);
        if (n == null || parsed.isEmpty()) {
            ignore();
            return;
        }
        RtpPacket packet = parsed.get();
        int pt = packet.payloadType();
        boolean audio = pt == n.payloadType();
        boolean event = pt == n.telephoneEventType();
        boolean noise = pt == COMFORT_NOISE || pt == n.comfortNoiseType();
        if (!audio && !event && !noise) {
            ignore();
            return;
        }
        InetSocketAddress source = latched;
        if (source == null) {
            // symmetric RTP: the first packet that fits the session decides where we send from now on
            latched = sender;
            sendTo = sender;
            if (!n.remoteRtp().map(sender::equals).orElse(false)) {
                rtcpTo = new InetSocketAddress(sender.getAddress(), sender.getPort() + 1);
            }
        } else if (!source.equals(sender)) {
            ignore();
            return;
        }
        long now = System.nanoTime();
        packetsReceived.incrementAndGet();
        engine.metrics().packetsReceived.increment();
        reception.onPacket(packet.ssrc(), packet.sequence(), packet.timestamp(), now);
        boolean decode = needsDecodedAudio(n);
        if (event) {
            TelephoneEvent.parse(bytes, packet.payloadOffset(), packet.payloadLength())
                    .ifPresent(e -> eventReceiver.receive(packet.timestamp(), e, now));
            if (decode) {
                jitterBuffer.put(packet.sequence(), JitterBuffer.NO_AUDIO);
            }
        } else if (noise) {
            if (decode) {
                jitterBuffer.put(packet.sequence(), JitterBuffer.NO_AUDIO);
            }
        } else if (decode) {
            short[] samples = new short[packet.payloadLength()];
            FrameCodec.decode(n.codec(), bytes, packet.payloadOffset(), packet.payloadLength(), samples);
            jitterBuffer.put(packet.sequence(), samples);
        }
        RtpSession other = peer;
        if (other != null) {
            other.relay(packet, n, audio, event);
        }
    }

    /**
     * Sends a packet received by the bridged session: the payload untouched when both use the same codec (or
     * converted between µ-law and A-law), with our SSRC, our sequence and the timestamp shifted onto ours.
     */
    private void relay(RtpPacket packet, Negotiated from, boolean audio, boolean event) {
        Negotiated n = negotiated;
        InetSocketAddress to = sendTo;
        ActivePlayback p = playback.get();
        if (closed || n == null || to == null || !n.direction().sends() || (p != null && !p.isDone())) {
            return;
        }
        int payloadType;
        if (audio) {
            payloadType = n.payloadType();
        } else if (event) {
            if (n.telephoneEventType() < 0) {
                return;
            }
            payloadType = n.telephoneEventType();
        } else {
            if (n.comfortNoiseType() < 0) {
                return;
            }
            payloadType = n.comfortNoiseType();
        }
        RelayState state = relayIn;
        boolean marker = packet.marker();
        if (state == null || state.sourceSsrc() != packet.ssrc()) {
            state = new RelayState(packet.ssrc(), packet.timestamp(), currentTimestamp);
            relayIn = state;
            marker = true;
        }
        long timestamp = (state.ourBase() + packet.timestamp() - state.sourceBase()) & 0xFFFFFFFFL;
        byte[] bytes = packet.bytes();
        int offset = packet.payloadOffset();
        int length = packet.payloadLength();
        if (audio && from.codec() != n.codec()) {
            byte[] converted = java.util.Arrays.copyOfRange(bytes, offset, offset + length);
            FrameCodec.transcode(from.codec(), n.codec(), converted, 0, length);
            bytes = converted;
            offset = 0;
        }
        send(to, payloadType, marker, timestamp, bytes, offset, length, null);
    }

    void onRtcp(byte[] bytes, int length, InetSocketAddress sender) {
        if (closed) {
            return;
        }
        InetSocketAddress source = latched;
        if (source != null && !source.getAddress().equals(sender.getAddress())) {
            ignore();
            return;
        }
        rtcpReceived.incrementAndGet();
        Rtcp.Received received = Rtcp.parse(bytes, length, ssrc);
        received.senderReportNtpMiddle().ifPresent(ntp -> reception.onSenderReport(ntp, System.nanoTime()));
        received.aboutUs().ifPresent(report -> {
            remoteJitterMs = report.jitterUnits() / 8.0;
            remoteFractionLost = report.fractionLost();
        });
    }

    private void ignore() {
        packetsIgnored.incrementAndGet();
        engine.metrics().packetsIgnored.increment();
    }

    // ---- the end ----

    @Override
    public SessionStats stats() {
        return new SessionStats(packetsSent.get(), packetsReceived.get(), packetsIgnored.get(), reception.cumulativeLost(),
                latePackets.get(), remoteJitterMs, remoteFractionLost, rtcpReceived.get(), rtcpSent.get());
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        unbridge();
        ActivePlayback p = playback.get();
        if (p != null) {
            p.finish(PlayResult.Outcome.SESSION_CLOSED, null, null);
        }
        ActiveRecorder r = recorder.get();
        if (r != null) {
            r.finish(RecordingResult.EndReason.SESSION_CLOSED, null);
        }
        dtmfSender.cancelAll();
        engine.release(this, port, List.of(rtpChannel, rtcpChannel));
    }

    @Override
    public String toString() {
        return "RtpSession[" + callId + " :" + port + "]";
    }
}
