import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export function PageHeader({ icon, title, subtitle, actions }: { icon?: IconName; title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      {icon && <div className="page-header-icon"><Icon name={icon} size={20} /></div>}
      <div className="stack" style={{ gap: 2 }}>
        <h1>{title}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      <span className="spacer" />
      {actions}
    </header>
  );
}
