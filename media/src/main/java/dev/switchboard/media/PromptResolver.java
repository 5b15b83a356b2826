package dev.switchboard.media;

import java.util.Optional;

/**
 * Finds an override of a system prompt before the generated one is used: an account's uploaded media for KAZOO's
 * {@code prompt_id}. Called on a virtual thread; may block (a store read).
 */
@FunctionalInterface
public interface PromptResolver {

    /** No overrides: every prompt is the system one. */
    PromptResolver NONE = (id, language) -> Optional.empty();

    /**
     * @param promptId a prompt id such as {@code vm-enter_pin} or {@code digit-7}
     * @param language lower-case such as {@code en-us}
     */
    Optional<AudioSource> resolve(String promptId, String language);
}
