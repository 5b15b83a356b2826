import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { IconName } from '../ui/Icon';
import type { EntityPageProps } from './EntityPageProps';

export type NavEntry = {
  path: string;
  label: string;
  icon: IconName;
  section: 'Call routing' | 'People and phones' | 'Prompts and schedules' | 'More' | 'Account';
  page: LazyExoticComponent<ComponentType<EntityPageProps>>;
};

/**
 * Every page of the left navigation, in order. Each page is its own chunk, so the builder loads without them.
 * The callflow list and builder are routed in App (they are not entity pages).
 */
export const ENTITY_PAGES: NavEntry[] = [
  { path: '/feature-codes', label: 'Feature codes', icon: 'hash', section: 'Call routing', page: lazy(() => import('../entities/FeatureCodesPage')) },
  { path: '/menus', label: 'Menus', icon: 'keypad', section: 'Call routing', page: lazy(() => import('../entities/MenusPage')) },
  { path: '/groups', label: 'Groups', icon: 'users', section: 'Call routing', page: lazy(() => import('../entities/GroupsPage')) },
  { path: '/users', label: 'Users', icon: 'user', section: 'People and phones', page: lazy(() => import('../entities/UsersPage')) },
  { path: '/devices', label: 'Devices', icon: 'device', section: 'People and phones', page: lazy(() => import('../entities/DevicesPage')) },
  { path: '/vmboxes', label: 'Voicemail boxes', icon: 'voicemail', section: 'People and phones', page: lazy(() => import('../entities/VmboxesPage')) },
  { path: '/conferences', label: 'Conferences', icon: 'conference', section: 'People and phones', page: lazy(() => import('../entities/ConferencesPage')) },
  { path: '/faxboxes', label: 'Fax boxes', icon: 'fax', section: 'People and phones', page: lazy(() => import('../entities/FaxboxesPage')) },
  { path: '/media', label: 'Media', icon: 'music', section: 'Prompts and schedules', page: lazy(() => import('../entities/MediaPage')) },
  { path: '/temporal-rules', label: 'Time of day rules', icon: 'clock', section: 'Prompts and schedules', page: lazy(() => import('../entities/TemporalRulesPage')) },
  { path: '/temporal-rule-sets', label: 'Time of day sets', icon: 'clock', section: 'Prompts and schedules', page: lazy(() => import('../entities/TemporalRuleSetsPage')) },
  { path: '/directories', label: 'Directories', icon: 'book', section: 'More', page: lazy(() => import('../entities/DirectoriesPage')) },
  { path: '/carriers', label: 'Carriers', icon: 'globe', section: 'More', page: lazy(() => import('../entities/CarriersPage')) },
  { path: '/account', label: 'Account settings', icon: 'settings', section: 'Account', page: lazy(() => import('../entities/AccountSettingsPage')) },
];

/** Where a document of a collection is edited, for "open in its page" links from the builder. */
export const PAGE_OF_COLLECTION: Record<string, string> = {
  users: '/users', devices: '/devices', vmboxes: '/vmboxes', media: '/media', menus: '/menus',
  temporal_rules: '/temporal-rules', temporal_rules_sets: '/temporal-rule-sets', groups: '/groups',
  conferences: '/conferences', directories: '/directories', faxboxes: '/faxboxes', resources: '/carriers',
  callflows: '/callflows',
};
