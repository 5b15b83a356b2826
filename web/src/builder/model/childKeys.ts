import type { XChildren } from '../../forms/jsonSchema';

/** Why a call leaves a ringing action, as KAZOO names the hangup causes it branches on. */
export const BRIDGE_FAILURES: Record<string, string> = {
  USER_BUSY: 'Busy',
  NO_ANSWER: 'No answer',
  CALL_REJECTED: 'Rejected',
  NO_USER_RESPONSE: 'No response',
  UNALLOCATED_NUMBER: 'Number does not exist',
  SUBSCRIBER_ABSENT: 'Not registered',
  NORMAL_TEMPORARY_FAILURE: 'Temporary failure',
};

const FIXED_LABELS: Record<string, string> = {
  timeout: 'Timeout',
  max_retries: 'Too many tries',
  match: 'Match',
  nomatch: 'No match',
  ON_FAX: 'Fax',
  ON_VOICE: 'Voice',
  MAX_SLOT_EXCEEDED: 'No free slot',
  rule_set: 'Rule set matches',
  REMOTE_UNAVAILABLE: 'Remote unavailable',
};

const MENU_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*'];

/** What the key dialog offers for a parent: fixed choices, and (for some modules) a value typed in. */
export type KeyChoice = { key: string; label: string };
export type KeyOptions = {
  choices: KeyChoice[];
  /** A value the user types: a menu digit string, a variable's value, a slot, a caller ID… */
  freeText?: { label: string; placeholder: string; pattern?: RegExp; hint: string };
  /** Temporal rules and sets of the account are the choices (time of day). */
  temporalRules: boolean;
};

export function acceptsChildren(x: XChildren | undefined): boolean {
  if (!x) return true;
  return (x.keys?.length ?? 0) > 0 || Boolean(x.digits || x.rule_ids || x.bridge_failure || x.values
    || x.capture_group || x.integer_thresholds || x.caller_id_numbers || x.slot_numbers);
}

/**
 * True when a new child needs its key chosen. A module whose only other keys are bridge failures (a user, a
 * device) takes its first child as `_`, the next step, as KAZOO's builder does; failure branches are asked for
 * once `_` is taken (see {@link needsKey}).
 */
export function isKeyed(x: XChildren | undefined): boolean {
  if (!x) return false;
  const fixed = (x.keys ?? []).filter((k) => k !== '_');
  return fixed.length > 0 || Boolean(x.digits || x.rule_ids || x.values || x.capture_group
    || x.integer_thresholds || x.caller_id_numbers || x.slot_numbers);
}

/** Whether dropping a child on a parent must ask which branch: keyed, or `_` taken and other keys possible. */
export function needsKey(x: XChildren | undefined, used: ReadonlySet<string>): boolean {
  if (isKeyed(x)) return true;
  return used.has('_') && Boolean(x?.bridge_failure);
}

/** The keys a parent can still take: what its module produces, minus the keys its children already use. */
export function keyOptions(module: string, x: XChildren | undefined, used: ReadonlySet<string>): KeyOptions {
  const choices: KeyChoice[] = [];
  const add = (key: string) => {
    if (!used.has(key)) choices.push({ key, label: edgeLabel(module, key) });
  };
  if (!x) {
    add('_');
    return { choices, temporalRules: false };
  }
  if (x.digits) MENU_KEYS.forEach(add);
  if (x.bridge_failure) Object.keys(BRIDGE_FAILURES).forEach(add);
  for (const key of x.keys ?? []) add(key);
  let freeText: KeyOptions['freeText'];
  if (x.digits) freeText = { label: 'Digits pressed', placeholder: '12', pattern: /^[0-9*#]+$/, hint: 'Several digits for a direct extension, e.g. 101.' };
  else if (x.bridge_failure) freeText = { label: 'SIP code or hangup cause', placeholder: 'sip:486', pattern: /^(sip:\d{3}|[A-Z_]+)$/, hint: 'A SIP code such as sip:486, or a hangup cause such as ORIGINATOR_CANCEL.' };
  else if (x.values) freeText = { label: 'Value', placeholder: 'true', hint: 'The branch taken when the variable has this value.' };
  else if (x.capture_group) freeText = { label: 'Captured value', placeholder: '1', hint: 'The branch taken when the capture group equals this.' };
  else if (x.integer_thresholds) freeText = { label: 'Threshold', placeholder: '6', pattern: /^\d+$/, hint: 'The lowest value that takes this branch.' };
  else if (x.caller_id_numbers) freeText = { label: 'Caller ID number', placeholder: '+14155550100', hint: 'The branch taken for calls from this number.' };
  else if (x.slot_numbers) freeText = { label: 'Slot number', placeholder: '100', pattern: /^\d+$/, hint: 'The branch taken when the call parked in this slot comes back.' };
  return { choices, freeText, temporalRules: Boolean(x.rule_ids) };
}

/**
 * The words on an edge: "Press 1" under a menu, "Timeout", a time-of-day rule's name, "Busy" for USER_BUSY,
 * "All other times" for a time of day's `_`. `names` resolves document ids (rules) to names.
 */
export function edgeLabel(parentModule: string, key: string, names: (id: string) => string | undefined = () => undefined, siblings = 2): string {
  if (key === '_') {
    if (parentModule === 'temporal_route') return 'All other times';
    if (parentModule === 'menu') return 'Default';
    return siblings > 1 ? 'Otherwise' : '';
  }
  if (parentModule === 'menu' && /^[0-9*#]+$/.test(key)) return `Press ${key}`;
  if (FIXED_LABELS[key]) return FIXED_LABELS[key];
  if (BRIDGE_FAILURES[key]) return BRIDGE_FAILURES[key];
  const sip = /^sip:(\d{3})$/.exec(key);
  if (sip) return `SIP ${sip[1]}`;
  const named = names(key);
  if (named) return named;
  switch (parentModule) {
    case 'temporal_route': return `Rule ${key.slice(0, 8)}`;
    case 'park': return `Slot ${key}`;
    case 'check_cid': return `From ${key}`;
    case 'branch_variable': return `Is “${key}”`;
    case 'branch_bnumber': return `Captured “${key}”`;
    case 'nomorobo':
    case 'acdc_wait_time': return `≥ ${key}`;
    default: return key;
  }
}
