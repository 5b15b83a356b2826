import { useEffect, useState } from 'react';
import { Icon } from '../ui/Icon';

type Theme = 'system' | 'light' | 'dark';
const KEY = 'switchboard.theme';

/** System, light or dark; kept per browser. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(() => (localStorage.getItem(KEY) as Theme | null) ?? 'system');
  useEffect(() => {
    if (theme === 'system') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', theme);
    localStorage.setItem(KEY, theme);
  }, [theme]);
  const next: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
  return (
    <button type="button" className="btn btn-ghost btn-icon" onClick={() => setTheme(next[theme])}
      title={`Theme: ${theme} (click for ${next[theme]})`} aria-label={`Theme: ${theme}`}>
      <Icon name={theme === 'dark' ? 'moon' : theme === 'light' ? 'sun' : 'sliders'} />
    </button>
  );
}
