import type { EntityPageProps } from '../shell/EntityPageProps';
import { PlaceholderPage } from '../ui/PlaceholderPage';

export default function MenusPage(_props: EntityPageProps) {
  return <PlaceholderPage icon="keypad" title="Menus" description="Auto attendants: the greeting and what each key does." />;
}
