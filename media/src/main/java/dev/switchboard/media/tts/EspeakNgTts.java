package dev.switchboard.media.tts;

import dev.switchboard.media.audio.ExternalTools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** espeak-ng (Debian package espeak-ng): many languages, clear if robotic. */
public final class EspeakNgTts extends ExternalTts {

    public static boolean available() {
        return ExternalTools.onPath("espeak-ng");
    }

    @Override
    List<String> command(String text, String language, String voice, Path wav) {
        List<String> command = new ArrayList<>(List.of("espeak-ng", "-w", wav.toString(), "-s", "150"));
        command.add("-v");
        command.add(espeakVoice(language, voice));
        command.add("--");
        command.add(text);
        return command;
    }

    /** espeak-ng names voices by language ("en-us"), with "+f3" style variants for a female voice. */
    private static String espeakVoice(String language, String voice) {
        String lang = language == null ? "en-us" : language.toLowerCase(Locale.ROOT);
        if (voice == null) {
            return lang;
        }
        return switch (voice.toLowerCase(Locale.ROOT)) {
            case "female" -> lang + "+f3";
            case "male" -> lang + "+m3";
            default -> voice;
        };
    }

    @Override
    public String name() {
        return "espeak-ng";
    }
}
