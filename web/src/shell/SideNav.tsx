import { Link, useRouter } from '../router/router';
import { Icon } from '../ui/Icon';
import { ENTITY_PAGES, type NavEntry } from './navigation';

const SECTIONS: NavEntry['section'][] = ['Call routing', 'People and phones', 'Prompts and schedules', 'More', 'Account'];

export function SideNav({ compact = false }: { compact?: boolean }) {
  const { location } = useRouter();
  const active = (path: string) => location.pathname === path || location.pathname.startsWith(`${path}/`);
  return (
    <nav className={compact ? 'sidenav is-compact' : 'sidenav'} aria-label="Main">
      {SECTIONS.map((section) => (
        <div key={section} className="sidenav-section">
          <div className="sidenav-heading">{section}</div>
          {section === 'Call routing' && (
            <Link to="/callflows" className="sidenav-link" title="Callflows" aria-current={active('/callflows') || location.pathname === '/' ? 'page' : undefined}>
              <Icon name="flow" /><span className="sidenav-text">Callflows</span>
            </Link>
          )}
          {ENTITY_PAGES.filter((e) => e.section === section).map((entry) => (
            <Link key={entry.path} to={entry.path} className="sidenav-link" title={entry.label} aria-current={active(entry.path) ? 'page' : undefined}>
              <Icon name={entry.icon} /><span className="sidenav-text">{entry.label}</span>
            </Link>
          ))}
        </div>
      ))}
    </nav>
  );
}
