package dev.switchboard.media.audio;

import dev.switchboard.media.AudioFormatException;
import fr.delthas.javamp3.Sound;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Decodes MPEG-1/2 layer III with JavaMP3 (pure Java, MIT licence). */
public final class Mp3Decoder {
    private Mp3Decoder() {
    }

    /** An ID3v2 tag, or an MPEG audio frame sync (11 set bits) at the start. */
    public static boolean looksLikeMp3(byte[] bytes) {
        if (bytes.length >= 3 && bytes[0] == 'I' && bytes[1] == 'D' && bytes[2] == '3') {
            return true;
        }
        return bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xE0) == 0xE0;
    }

    public static DecodedAudio decode(byte[] bytes) throws AudioFormatException {
        if (bytes.length == 0) {
            throw new AudioFormatException("file is empty");
        }
        if (!looksLikeMp3(bytes)) {
            throw new AudioFormatException("not an MP3 file (no ID3 tag or MPEG frame sync)");
        }
        ByteArrayOutputStream pcm = new ByteArrayOutputStream(bytes.length * 8);
        int rate;
        boolean stereo;
        try (Sound sound = new Sound(new ByteArrayInputStream(bytes))) {
            rate = sound.getSamplingFrequency();
            stereo = sound.isStereo();
            sound.decodeFullyInto(pcm);
        } catch (IOException | RuntimeException e) {
            throw new AudioFormatException("MP3 file cannot be decoded: " + e.getMessage(), e);
        }
        byte[] data = pcm.toByteArray();
        int channelCount = stereo ? 2 : 1;
        int frames = data.length / (2 * channelCount);
        if (frames == 0) {
            throw new AudioFormatException("MP3 file has no audio");
        }
        float[][] channels = new float[channelCount][frames];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channelCount; c++) {
                int o = (f * channelCount + c) * 2;
                // JavaMP3 writes signed 16-bit little-endian samples
                channels[c][f] = (short) ((data[o] & 0xFF) | (data[o + 1] << 8)) / 32768f;
            }
        }
        return new DecodedAudio(channels, rate);
    }
}
