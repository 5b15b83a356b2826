package dev.switchboard.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import de.sciss.jump3r.lowlevel.LameEncoder;

/**
 * WAV to MP3 (constant bit rate, as KAZOO stores voicemail by default), with jump3r, a pure-Java port of LAME.
 * The JDK reads the WAV, whatever its sample encoding (PCM, G.711 µ-law or A-law), and hands LAME 16-bit PCM.
 */
public final class Mp3Encoder {
    /** Telephone audio (8 kHz) needs little: 32 kbit/s mono; wideband and above get 64. */
    private static final int NARROWBAND_KBPS = 32;
    private static final int WIDEBAND_KBPS = 64;

    private Mp3Encoder() {
    }

    /** The MP3 of a WAV file, or empty when the bytes are not a WAV file the JDK can read. */
    public static Optional<byte[]> fromWav(byte[] wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat source = in.getFormat();
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, source.getSampleRate(), 16,
                    source.getChannels(), source.getChannels() * 2, source.getSampleRate(), false);
            byte[] samples = AudioSystem.getAudioInputStream(pcm, in).readAllBytes();
            return Optional.of(encode(pcm, samples));
        } catch (UnsupportedAudioFileException | IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] encode(AudioFormat pcm, byte[] samples) {
        int kbps = pcm.getSampleRate() <= 16_000 ? NARROWBAND_KBPS : WIDEBAND_KBPS;
        LameEncoder lame = new LameEncoder(pcm, kbps, pcm.getChannels() == 1 ? LameEncoder.CHANNEL_MODE_MONO
                : LameEncoder.CHANNEL_MODE_JOINT_STEREO, LameEncoder.QUALITY_MIDDLE, false);
        try {
            ByteArrayOutputStream mp3 = new ByteArrayOutputStream(samples.length / 8 + 1024);
            byte[] frame = new byte[lame.getMP3BufferSize()];
            int chunk = lame.getPCMBufferSize();
            for (int at = 0; at < samples.length; at += chunk) {
                int written = lame.encodeBuffer(samples, at, Math.min(chunk, samples.length - at), frame);
                mp3.write(frame, 0, written);
            }
            mp3.write(frame, 0, lame.encodeFinish(frame));
            return mp3.toByteArray();
        } finally {
            lame.close();
        }
    }
}
