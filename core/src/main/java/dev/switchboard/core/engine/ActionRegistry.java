package dev.switchboard.core.engine;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every action by module name: the one place actions are registered (through ServiceLoader). */
public final class ActionRegistry {
    private final Map<String, Action> actions;

    private ActionRegistry(Map<String, Action> actions) {
        this.actions = Map.copyOf(actions);
    }

    /** The actions listed in META-INF/services/dev.switchboard.core.engine.Action. */
    public static ActionRegistry load() {
        Map<String, Action> found = new TreeMap<>();
        for (Action action : ServiceLoader.load(Action.class, ActionRegistry.class.getClassLoader())) {
            found.put(action.module(), action);
        }
        return new ActionRegistry(found);
    }

    public static ActionRegistry of(Action... actions) {
        Map<String, Action> map = new TreeMap<>();
        for (Action a : actions) {
            map.put(a.module(), a);
        }
        return new ActionRegistry(map);
    }

    public Optional<Action> find(String module) {
        return Optional.ofNullable(actions.get(module));
    }

    public java.util.Set<String> modules() {
        return actions.keySet();
    }
}
