package dev.switchboard.media.audio;

import dev.switchboard.media.AudioFormatException;
import fr.delthas.javamp3.Sound;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Decodes MP3. MPEG-1 layer III (32, 44.1 and 48 kHz: nearly every MP3) is decoded in pure Java by JavaMP3 (MIT
 * licence). MPEG-2 and 2.5 layer III (low-rate voice files at 8-24 kHz), which JavaMP3 cannot read, are decoded by
 * Debian's lame when it is installed, and refused with that explanation when it is not.
 */
public final class Mp3Decoder {
    private static final long LAME_TIMEOUT_SECONDS = 120;

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
        long header = firstFrameHeader(bytes);
        if (header < 0) {
            throw new AudioFormatException("MP3 file has no MPEG audio frame");
        }
        int version = (int) (header >> 19) & 3;
        int layer = (int) (header >> 17) & 3;
        if (layer != 1) {
            throw new AudioFormatException("MPEG layer " + (4 - layer) + " audio is not supported; upload MP3"
                    + " (layer III) or WAV");
        }
        if (version == 3) {
            return decodeMpeg1(bytes);
        }
        String name = version == 2 ? "MPEG-2" : "MPEG-2.5";
        if (!ExternalTools.onPath("lame")) {
            throw new AudioFormatException(name + " MP3 (a low sample rate) needs the lame decoder, which is not"
                    + " installed; upload a 32-48 kHz MP3 or a WAV file");
        }
        return decodeWithLame(bytes);
    }

    private static DecodedAudio decodeMpeg1(byte[] bytes) throws AudioFormatException {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream(bytes.length * 8);
        int rate;
        boolean stereo;
        try (Sound sound = new Sound(new ByteArrayInputStream(bytes))) {
            rate = sound.getSamplingFrequency();
            stereo = sound.isStereo();
            byte[] buffer = new byte[8192];
            int n;
            // read() rather than decodeFullyInto(), which stops after the first frame in JavaMP3 1.0.1
            while ((n = sound.read(buffer)) > 0) {
                pcm.write(buffer, 0, n);
            }
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
                channels[c][f] = (short) ((data[o] & 0xFF) | (data[o + 1] << 8)) / 32768f;
            }
        }
        return new DecodedAudio(channels, rate);
    }

    private static DecodedAudio decodeWithLame(byte[] bytes) throws AudioFormatException {
        try {
            Path mp3 = Files.createTempFile("switchboard-", ".mp3");
            Path wav = Files.createTempFile("switchboard-", ".wav");
            try {
                Files.write(mp3, bytes);
                ExternalTools.run(List.of("lame", "--quiet", "--decode", mp3.toString(), wav.toString()),
                        LAME_TIMEOUT_SECONDS);
                return WavDecoder.decode(Files.readAllBytes(wav));
            } finally {
                Files.deleteIfExists(mp3);
                Files.deleteIfExists(wav);
            }
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException("MP3 file cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** The first 4-byte frame header after any ID3v2 tag, or -1. */
    private static long firstFrameHeader(byte[] bytes) {
        int offset = 0;
        if (bytes.length >= 10 && bytes[0] == 'I' && bytes[1] == 'D' && bytes[2] == '3') {
            int size = ((bytes[6] & 0x7F) << 21) | ((bytes[7] & 0x7F) << 14) | ((bytes[8] & 0x7F) << 7)
                    | (bytes[9] & 0x7F);
            offset = 10 + size;
        }
        for (int i = offset; i + 4 <= bytes.length && i < offset + 64 * 1024; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xE0) == 0xE0) {
                long header = ((bytes[i] & 0xFFL) << 24) | ((bytes[i + 1] & 0xFF) << 16) | ((bytes[i + 2] & 0xFF) << 8)
                        | (bytes[i + 3] & 0xFF);
                boolean validVersion = ((header >> 19) & 3) != 1;
                boolean validLayer = ((header >> 17) & 3) != 0;
                boolean validRate = ((header >> 10) & 3) != 3;
                if (validVersion && validLayer && validRate) {
                    return header;
                }
            }
        }
        return -1;
    }
}
