import { useEffect, useRef } from 'react';

export type Shortcut = { keys: string; description: string; run: () => void; whileTyping?: boolean };

/** `mod` is Ctrl, or ⌘ on a Mac. */
function matches(e: KeyboardEvent, keys: string): boolean {
  const parts = keys.toLowerCase().split('+');
  const key = parts[parts.length - 1];
  const mod = parts.includes('mod');
  const shift = parts.includes('shift');
  const pressedMod = e.ctrlKey || e.metaKey;
  if (mod !== pressedMod || shift !== e.shiftKey || e.altKey) return false;
  const pressed = e.key.toLowerCase();
  return pressed === key || (key === 'space' && pressed === ' ');
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Builder keyboard shortcuts; while typing in a field only those marked `whileTyping` (save) apply. */
export function useShortcuts(shortcuts: Shortcut[]) {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"]')) return;
      for (const s of current.current) {
        if (matches(e, s.keys) && (s.whileTyping || !typing(e.target))) {
          e.preventDefault();
          s.run();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** How a shortcut reads on the help sheet. */
export function keyLabel(keys: string): string {
  const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  return keys.split('+').map((k) => (k === 'mod' ? (mac ? '⌘' : 'Ctrl') : k === 'shift' ? 'Shift' : k.length === 1 ? k.toUpperCase() : k[0].toUpperCase() + k.slice(1))).join('+');
}
