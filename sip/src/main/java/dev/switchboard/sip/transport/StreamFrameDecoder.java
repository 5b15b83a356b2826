package dev.switchboard.sip.transport;

import dev.switchboard.sip.message.SipParseException;
import dev.switchboard.sip.message.SipParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Cuts a TCP/TLS byte stream into SIP messages by Content-Length (RFC 3261 §18.3) and answers RFC 5626 keep-alive
 * pings (CRLFCRLF) with a pong (CRLF). A stream that cannot be framed (no Content-Length, oversized) is closed, since
 * the next message's start can no longer be found.
 */
final class StreamFrameDecoder extends ByteToMessageDecoder {
    private static final byte[] PONG = {'\r', '\n'};
    private final SipParser parser;

    /** The framing error, or the parse error of the same bytes when that one can be answered (a 400 for ncl). */
    private SipParseException answerable(byte[] bytes, SipParseException framing) {
        try {
            parser.parse(bytes, 0, bytes.length, true);
            return framing;
        } catch (SipParseException e) {
            return e.canRespond() ? e : framing;
        }
    }

    StreamFrameDecoder(SipParser parser) {
        this.parser = parser;
    }

    /** The stream cannot be cut into messages any more: the error (answered if it can be) then the connection closes. */
    record Unframeable(SipParseException error) {}

    private boolean broken;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.isReadable()) {
            int crlfs = 0;
            while (in.readableBytes() >= (crlfs + 1) * 2 && in.getByte(in.readerIndex() + crlfs * 2) == '\r'
                    && in.getByte(in.readerIndex() + crlfs * 2 + 1) == '\n') crlfs++;
            if (crlfs > 0 && in.readableBytes() == crlfs * 2) {
                // only keep-alive line ends so far: a double CRLF is a ping, a lone CRLF a pong or padding
                if (crlfs >= 2) ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
                in.skipBytes(crlfs * 2);
                return;
            }
            if (crlfs > 0) in.skipBytes(crlfs * 2);
            byte[] bytes = ByteBufUtil.getBytes(in, in.readerIndex(), Math.min(in.readableBytes(), parser.limits().maxMessageSize() + 4), false);
            int frame;
            try {
                frame = parser.frameLength(bytes, 0, bytes.length);
            } catch (SipParseException e) {
                out.add(new Unframeable(answerable(bytes, e)));
                in.skipBytes(in.readableBytes());
                broken = true;
                return;
            }
            if (frame < 0) return;
            byte[] message = new byte[frame];
            in.readBytes(message);
            out.add(message);
        }
    }
}
