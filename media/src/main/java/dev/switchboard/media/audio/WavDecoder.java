package dev.switchboard.media.audio;

import dev.switchboard.media.AudioFormatException;
import dev.switchboard.media.codec.G711;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes RIFF WAVE files: integer PCM of 8, 16, 24 and 32 bits, IEEE float of 32 and 64 bits, µ-law and A-law,
 * WAVE_FORMAT_EXTENSIBLE of those, any rate, any number of channels.
 */
public final class WavDecoder {
    private static final int PCM = 0x0001;
    private static final int IEEE_FLOAT = 0x0003;
    private static final int A_LAW = 0x0006;
    private static final int MU_LAW = 0x0007;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavDecoder() {
    }

    public static boolean looksLikeWav(byte[] bytes) {
        return bytes.length >= 12 && ascii(bytes, 0).equals("RIFF") && ascii(bytes, 8).equals("WAVE");
    }

    public static DecodedAudio decode(byte[] bytes) throws AudioFormatException {
        if (bytes.length == 0) {
            throw new AudioFormatException("file is empty");
        }
        if (!looksLikeWav(bytes)) {
            throw new AudioFormatException("not a WAV file (no RIFF/WAVE header)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(12);
        int format = -1;
        int channels = 0;
        int sampleRate = 0;
        int bitsPerSample = 0;
        int blockAlign = 0;
        int dataOffset = -1;
        int dataLength = 0;
        while (buffer.remaining() >= 8) {
            String id = ascii(bytes, buffer.position());
            buffer.position(buffer.position() + 4);
            long size = Integer.toUnsignedLong(buffer.getInt());
            int start = buffer.position();
            if (id.equals("fmt ")) {
                if (size < 16 || start + size > bytes.length) {
                    throw new AudioFormatException("WAV fmt chunk is truncated");
                }
                format = Short.toUnsignedInt(buffer.getShort());
                channels = Short.toUnsignedInt(buffer.getShort());
                sampleRate = buffer.getInt();
                buffer.getInt();
                blockAlign = Short.toUnsignedInt(buffer.getShort());
                bitsPerSample = Short.toUnsignedInt(buffer.getShort());
                if (format == EXTENSIBLE) {
                    if (size < 40) {
                        throw new AudioFormatException("WAV extensible fmt chunk is truncated");
                    }
                    buffer.position(start + 24);
                    format = Short.toUnsignedInt(buffer.getShort());
                }
            } else if (id.equals("data")) {
                dataOffset = start;
                // a streaming writer may leave the size at 0 or -1: take what is there
                dataLength = (int) Math.min(size == 0 ? Integer.MAX_VALUE : size, bytes.length - (long) start);
                if (format >= 0) {
                    break;
                }
            }
            long next = start + size + (size & 1);
            if (next > bytes.length) {
                break;
            }
            buffer.position((int) next);
        }
        if (format < 0) {
            throw new AudioFormatException("WAV file has no fmt chunk");
        }
        if (dataOffset < 0) {
            throw new AudioFormatException("WAV file has no data chunk");
        }
        if (channels < 1 || channels > 32) {
            throw new AudioFormatException("WAV file has " + channels + " channels");
        }
        if (sampleRate < 1000 || sampleRate > 384_000) {
            throw new AudioFormatException("WAV sample rate " + sampleRate + " Hz is not supported");
        }
        SampleReader reader = readerFor(format, bitsPerSample);
        int bytesPerSample = (bitsPerSample + 7) / 8;
        int frameSize = Math.max(blockAlign, bytesPerSample * channels);
        int frames = dataLength / frameSize;
        if (frames == 0) {
            throw new AudioFormatException("WAV file has no audio");
        }
        float[][] out = new float[channels][frames];
        for (int f = 0; f < frames; f++) {
            int base = dataOffset + f * frameSize;
            for (int c = 0; c < channels; c++) {
                out[c][f] = reader.read(bytes, base + c * bytesPerSample);
            }
        }
        return new DecodedAudio(out, sampleRate);
    }

    @FunctionalInterface
    private interface SampleReader {
        float read(byte[] bytes, int offset);
    }

    private static SampleReader readerFor(int format, int bits) throws AudioFormatException {
        return switch (format) {
            case PCM -> switch (bits) {
                case 8 -> (b, o) -> ((b[o] & 0xFF) - 128) / 128f;
                case 16 -> (b, o) -> (short) ((b[o] & 0xFF) | (b[o + 1] << 8)) / 32768f;
                case 24 -> (b, o) -> ((b[o] & 0xFF) | ((b[o + 1] & 0xFF) << 8) | (b[o + 2] << 16)) / 8388608f;
                case 32 -> (b, o) -> (float) (int32(b, o) / 2147483648.0);
                default -> throw new AudioFormatException("unsupported WAV PCM width of " + bits + " bits");
            };
            case IEEE_FLOAT -> switch (bits) {
                case 32 -> (b, o) -> clamp(Float.intBitsToFloat(int32(b, o)));
                case 64 -> (b, o) -> clamp((float) Double.longBitsToDouble(
                        (int32(b, o) & 0xFFFFFFFFL) | ((long) int32(b, o + 4) << 32)));
                default -> throw new AudioFormatException("unsupported WAV float width of " + bits + " bits");
            };
            case MU_LAW -> (b, o) -> G711.muToLinear(b[o]) / 32768f;
            case A_LAW -> (b, o) -> G711.aToLinear(b[o]) / 32768f;
            default -> throw new AudioFormatException(String.format("unsupported WAV encoding 0x%04X%s", format,
                    format == 0x0055 ? " (MP3 inside WAV: upload the .mp3 itself)" : ""));
        };
    }

    private static int int32(byte[] b, int o) {
        return (b[o] & 0xFF) | ((b[o + 1] & 0xFF) << 8) | ((b[o + 2] & 0xFF) << 16) | (b[o + 3] << 24);
    }

    private static float clamp(float v) {
        return Float.isNaN(v) ? 0 : Math.max(-1f, Math.min(1f, v));
    }

    private static String ascii(byte[] bytes, int offset) {
        return offset + 4 <= bytes.length
                ? new String(bytes, offset, 4, java.nio.charset.StandardCharsets.US_ASCII) : "";
    }
}
