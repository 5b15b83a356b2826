import type { ReactNode } from 'react';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';

/**
 * Top bar, left navigation, and the page. `full` pages (the builder) fill the space without padding and the
 * navigation shrinks to icons, leaving the canvas room at 1280 pixels.
 */
export function Shell({ children, full }: { children: ReactNode; full?: boolean }) {
  return (
    <div className="shell">
      <a href="#main" className="skip-link">Skip to content</a>
      <TopBar />
      <div className="shell-body">
        <SideNav compact={full} />
        <main id="main" className={full ? 'shell-main shell-main-full' : 'shell-main'} tabIndex={-1}>{children}</main>
      </div>
    </div>
  );
}
