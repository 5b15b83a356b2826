import { Link, useRouter } from '../router/router';
import { Icon } from '../ui/Icon';
import { ENTITY_PAGES, type NavEntry } from './navigation';

const SECTIONS: NavEntry['section'][] = ['Call routing', 'People and phones', 'Prompts and schedules', 'More', 'Account'];

export function SideNav() {
  const { location } = useRouter();
  const active = (path: string) => location.pathname === path || location.pathname.startsWith(`${path}/`);
  return (
    <nav className="sidenav" aria-label="Main">
      {SECTIONS.map((section) => (
        <div key={section} className="sidenav-section">
          <div className="sidenav-heading">{section}</div>
          {section === 'Call routing' && (
            <Link to="/callflows" className="sidenav-link" aria-current={active('/callflows') || location.pathname === '/' ? 'page' : undefined}>
              <Icon name="flow" />Callflows
            </Link>
          )}
          {ENTITY_PAGES.filter((e) => e.section === section).map((entry) => (
            <Link key={entry.path} to={entry.path} className="sidenav-link" aria-current={active(entry.path) ? 'page' : undefined}>
              <Icon name={entry.icon} />{entry.label}
            </Link>
          ))}
        </div>
      ))}
    </nav>
  );
}
