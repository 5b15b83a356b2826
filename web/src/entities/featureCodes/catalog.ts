import type { JsonObject } from '../../forms/jsonSchema';

export type FeatureCode = {
  /** KAZOO's `featurecode.name`, how Monster UI recognises each one */
  name: string;
  label: string;
  category: 'Call forwarding' | 'Hot desking' | 'Voicemail' | 'Parking' | 'Miscellaneous';
  description: string;
  /** What callers dial by default (Monster UI's defaults) */
  code: string;
  /** `pattern`: the code takes digits after it (`*3` + slot), stored as a regular expression */
  match: 'number' | 'pattern';
  module: string;
  data: JsonObject;
};

/** The standard feature codes of KAZOO's Monster UI (research notes §1.8), with its names, codes and data. */
export const FEATURE_CODES: FeatureCode[] = [
  { name: 'call_forward[action=activate]', label: 'Enable call forwarding', category: 'Call forwarding', description: 'Asks for a number and forwards the caller’s calls to it.', code: '*72', match: 'number', module: 'call_forward', data: { action: 'activate' } },
  { name: 'call_forward[action=deactivate]', label: 'Disable call forwarding', category: 'Call forwarding', description: 'Stops forwarding the caller’s calls.', code: '*73', match: 'number', module: 'call_forward', data: { action: 'deactivate' } },
  { name: 'call_forward[action=toggle]', label: 'Toggle call forwarding', category: 'Call forwarding', description: 'Turns forwarding on or off; digits after the code set the number.', code: '*74', match: 'pattern', module: 'call_forward', data: { action: 'toggle' } },
  { name: 'call_forward[action=update]', label: 'Change the forwarding number', category: 'Call forwarding', description: 'Asks for a new number to forward to.', code: '*56', match: 'number', module: 'call_forward', data: { action: 'update' } },
  { name: 'hotdesk[action=login]', label: 'Hot desk log in', category: 'Hot desking', description: 'Makes the phone ring for the user who logs in.', code: '*11', match: 'number', module: 'hotdesk', data: { action: 'login' } },
  { name: 'hotdesk[action=logout]', label: 'Hot desk log out', category: 'Hot desking', description: 'Logs the user out of this phone.', code: '*12', match: 'number', module: 'hotdesk', data: { action: 'logout' } },
  { name: 'hotdesk[action=toggle]', label: 'Hot desk toggle', category: 'Hot desking', description: 'Logs in or out, whichever the user is not.', code: '*13', match: 'number', module: 'hotdesk', data: { action: 'toggle' } },
  { name: 'voicemail[action=check]', label: 'Check voicemail', category: 'Voicemail', description: 'Listen to messages; digits after the code pick the box.', code: '*97', match: 'pattern', module: 'voicemail', data: { action: 'check' } },
  { name: 'voicemail[single_mailbox_login]', label: 'Check voicemail (auto login)', category: 'Voicemail', description: 'Straight into the caller’s own box, asking only for the PIN.', code: '*98', match: 'pattern', module: 'voicemail', data: { action: 'check', single_mailbox_login: true } },
  { name: 'voicemail[action="direct"]', label: 'Direct to voicemail', category: 'Voicemail', description: 'Dial the code and an extension to leave a message without ringing.', code: '**', match: 'pattern', module: 'voicemail', data: { action: 'compose' } },
  { name: 'park_and_retrieve', label: 'Park and retrieve', category: 'Parking', description: 'Parks the call in a slot, or picks up the call parked there.', code: '*3', match: 'pattern', module: 'park', data: { action: 'auto' } },
  { name: 'valet', label: 'Valet park', category: 'Parking', description: 'Parks the call in the next free slot and says which.', code: '*4', match: 'number', module: 'park', data: { action: 'park' } },
  { name: 'retrieve', label: 'Retrieve a parked call', category: 'Parking', description: 'Picks up the call parked in the slot dialled after the code.', code: '*5', match: 'pattern', module: 'park', data: { action: 'retrieve' } },
  { name: 'intercom', label: 'Intercom', category: 'Miscellaneous', description: 'Dial the code and an extension to talk through its speaker.', code: '*0', match: 'pattern', module: 'intercom', data: {} },
  { name: 'privacy[mode=full]', label: 'Privacy (hide caller ID)', category: 'Miscellaneous', description: 'Dial the code before a number to hide your caller ID.', code: '*67', match: 'pattern', module: 'privacy', data: { mode: 'full' } },
  { name: 'directed_ext_pickup', label: 'Directed extension pickup', category: 'Miscellaneous', description: 'Dial the code and an extension to answer the call ringing there.', code: '*87', match: 'pattern', module: 'group_pickup_feature', data: { type: 'extension' } },
  { name: 'move', label: 'Move a call', category: 'Miscellaneous', description: 'Moves your current call to another of your phones.', code: '6683', match: 'number', module: 'move', data: {} },
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The callflow document that makes a feature code dialable with the given code. */
export function featureCallflow(feature: FeatureCode, code: string): JsonObject {
  const match = feature.match === 'pattern' ? { patterns: [`^${escape(code)}([0-9]*)$`] } : { numbers: [code] };
  return {
    name: feature.label,
    ...match,
    featurecode: { name: feature.name, number: code.replace(/^\*/, '') },
    flow: { module: feature.module, data: structuredClone(feature.data), children: {} },
  };
}

/** What a caller dials for an existing feature-code callflow: its number, or the literal start of its pattern. */
export function dialledCode(doc: Record<string, unknown>): string | undefined {
  if (Array.isArray(doc.numbers) && typeof doc.numbers[0] === 'string') return doc.numbers[0];
  if (Array.isArray(doc.patterns) && typeof doc.patterns[0] === 'string') {
    const literal = /^\^?((?:\\.|[^\\([{.?+|$])*)/.exec(doc.patterns[0])?.[1] ?? '';
    const code = literal.replace(/\\(.)/g, '$1');
    if (code) return code;
  }
  const fc = doc.featurecode as { number?: unknown } | undefined;
  return typeof fc?.number === 'string' ? `*${fc.number}` : undefined;
}

/** A code has to be something a phone can dial: digits, * and #. */
export function codeProblem(code: string): string | null {
  if (!code) return 'Type the code callers dial.';
  if (!/^[0-9*#]+$/.test(code)) return 'Use only digits, * and #.';
  return null;
}
