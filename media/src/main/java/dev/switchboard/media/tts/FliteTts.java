package dev.switchboard.media.tts;

import dev.switchboard.media.audio.ExternalTools;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** flite (Debian package flite): English only; other languages are read with its English voice. */
public final class FliteTts extends ExternalTts {

    public static boolean available() {
        return ExternalTools.onPath("flite");
    }

    @Override
    List<String> command(String text, String language, String voice, Path wav) {
        String fliteVoice = voice != null && voice.toLowerCase(Locale.ROOT).equals("female") ? "slt" : "kal";
        return List.of("flite", "-voice", fliteVoice, "-t", text, "-o", wav.toString());
    }

    @Override
    public String name() {
        return "flite";
    }
}
