import type { Query } from '../api/client';

export type CallflowListKind = 'callflows' | 'featurecodes';

/**
 * Callflows that other applications or the system made and people rarely edit, hidden unless asked for — the same
 * ones Monster UI hides: the catch-all (`no_match`), the emergency dispatcher, and those whose
 * `ui_metadata.origin` is another app's.
 */
export const SYSTEM_ORIGINS = ['voip', 'callqueues', 'callqueues-pro', 'csv-onboarding', 'mobile', 'migration'] as const;

/** The listing filters for one list: feature codes apart from the rest, system callflows only when shown. */
export function listingQuery(kind: CallflowListKind, showSystem: boolean): Query {
  if (kind === 'featurecodes') return { has_key: 'featurecode.name' };
  if (showSystem) return { key_missing: 'featurecode.name' };
  return {
    key_missing: 'featurecode.name',
    filter_not_numbers: 'no_match',
    filter_not_name: 'US Emergency Dispatcher',
    'filter_not_ui_metadata.origin': SYSTEM_ORIGINS,
  };
}

/** A number as people read it: `+14155550100` → `+1 415 555 0100`; extensions and codes stay as they are. */
export function formatNumber(number: string): string {
  if (number === 'no_match') return 'Catch-all';
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(number);
  if (nanp) return `+1 ${nanp[1]} ${nanp[2]} ${nanp[3]}`;
  return number;
}
