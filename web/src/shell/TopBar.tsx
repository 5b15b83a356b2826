import { useAuth } from '../auth/AuthContext';
import { Link } from '../router/router';
import { Icon } from '../ui/Icon';
import { AccountSwitcher } from './AccountSwitcher';
import { ThemeToggle } from './ThemeToggle';

export function TopBar() {
  const { signOut } = useAuth();
  return (
    <header className="topbar">
      <Link to="/callflows" className="brand" aria-label="Switchboard home">
        <span className="brand-mark" aria-hidden="true"><Icon name="flow" size={16} /></span>
        Switchboard
      </Link>
      <AccountSwitcher />
      <span className="spacer" />
      <ThemeToggle />
      <button type="button" className="btn btn-ghost" onClick={() => void signOut()}>
        <Icon name="logout" />Sign out
      </button>
    </header>
  );
}
