import type { JsonObject } from '../forms/jsonSchema';
import type { IconName } from '../ui/Icon';
import { byName } from '../ui/byName';
import type { ModuleInfo } from './catalog';

/** KAZOO's palette categories, in Monster UI's order, then every module. */
export const CATEGORIES: { id: string; label: string }[] = [
  { id: 'basic', label: 'Basic' },
  { id: 'advanced', label: 'Advanced' },
  { id: 'time_of_day', label: 'Time of Day' },
  { id: 'ring_group_toggle', label: 'Ring Group Toggle' },
  { id: 'hotdesk', label: 'Hotdesking' },
  { id: 'do_not_disturb', label: 'Do Not Disturb' },
  { id: 'caller_id', label: 'Caller-ID' },
  { id: 'call_recording', label: 'Call Recording' },
  { id: 'call_forward', label: 'Call Forwarding' },
  { id: 'all', label: 'All actions' },
];

/** One thing to drag onto the canvas: a module and the data a new node starts with. */
export type PaletteEntry = {
  id: string;
  label: string;
  module: string;
  data: JsonObject;
  category: string;
  description: string;
};

/**
 * Monster UI's Basic and Advanced entries, with its labels and starting data. Where KAZOO has several entries for
 * one module (Voicemail and Check Voicemail) the data tells them apart. The other categories come from the
 * schemas: one entry per value of the module's `action`.
 */
const KAZOO_ENTRIES: { category: string; module: string; label: string; data?: JsonObject }[] = [
  { category: 'basic', module: 'play', label: 'Media' },
  { category: 'basic', module: 'ring_group', label: 'Ring Group' },
  { category: 'basic', module: 'conference', label: 'Conference' },
  { category: 'basic', module: 'user', label: 'User' },
  { category: 'basic', module: 'voicemail', label: 'Voicemail' },
  { category: 'basic', module: 'menu', label: 'Menu' },
  { category: 'advanced', module: 'device', label: 'Device' },
  { category: 'advanced', module: 'callflow', label: 'Callflow' },
  { category: 'advanced', module: 'set_alert_info', label: 'Distinctive Ring' },
  { category: 'advanced', module: 'page_group', label: 'Page Group' },
  { category: 'advanced', module: 'missed_call_alert', label: 'Missed Call Alert' },
  { category: 'advanced', module: 'set_variables', label: 'Set CAV' },
  { category: 'advanced', module: 'manual_presence', label: 'Manual Presence' },
  { category: 'advanced', module: 'tts', label: 'TTS' },
  { category: 'advanced', module: 'sleep', label: 'Sleep' },
  { category: 'advanced', module: 'language', label: 'Language' },
  { category: 'advanced', module: 'group_pickup', label: 'Group Pickup' },
  { category: 'advanced', module: 'receive_fax', label: 'Receive Fax' },
  { category: 'advanced', module: 'pivot', label: 'Pivot' },
  { category: 'advanced', module: 'disa', label: 'DISA' },
  { category: 'advanced', module: 'collect_dtmf', label: 'Collect DTMF' },
  { category: 'advanced', module: 'response', label: 'Response' },
  { category: 'advanced', module: 'conference', label: 'Conference Service', data: {} },
  { category: 'advanced', module: 'voicemail', label: 'Check Voicemail', data: { action: 'check' } },
  { category: 'advanced', module: 'faxbox', label: 'Fax Boxes' },
  { category: 'advanced', module: 'offnet', label: 'Global Carrier' },
  { category: 'advanced', module: 'resources', label: 'Account Carrier' },
  { category: 'advanced', module: 'directory', label: 'Directory' },
  { category: 'advanced', module: 'webhook', label: 'Webhook' },
  { category: 'advanced', module: 'branch_variable', label: 'Branch Variable' },
];

/** Monster UI's words for the per-action entries of its other categories. */
const ACTION_LABELS: Record<string, string> = {
  'temporal_route:disable': 'Disable Time of Day',
  'temporal_route:enable': 'Enable Time of Day',
  'temporal_route:reset': 'Reset Time of Day',
  'temporal_route:menu': 'Time of Day Menu',
  'ring_group_toggle:login': 'Ring Group Login',
  'ring_group_toggle:logout': 'Ring Group Logout',
  'hotdesk:login': 'Hot Desk Login',
  'hotdesk:logout': 'Hot Desk Logout',
  'hotdesk:toggle': 'Hot Desk Toggle',
  'hotdesk:bridge': 'Hot Desk Ring',
  'do_not_disturb:activate': 'Activate Do Not Disturb',
  'do_not_disturb:deactivate': 'Deactivate Do Not Disturb',
  'do_not_disturb:toggle': 'Toggle Do Not Disturb',
  'prepend_cid:prepend': 'Prepend',
  'prepend_cid:reset': 'Reset Prepend',
  'record_call:start': 'Start Call Recording',
  'record_call:stop': 'Stop Call Recording',
  'call_forward:activate': 'Enable Call Forwarding',
  'call_forward:deactivate': 'Disable Call Forwarding',
  'call_forward:update': 'Update Call Forwarding',
  'call_forward:toggle': 'Toggle Call Forwarding',
  'call_forward:menu': 'Call Forwarding Menu',
};

/** The palette for the modules the server supports. */
export function buildPalette(modules: Map<string, ModuleInfo>): PaletteEntry[] {
  const entries: PaletteEntry[] = [];
  for (const e of KAZOO_ENTRIES) {
    const info = modules.get(e.module);
    if (!info) continue;
    entries.push({ id: `${e.category}:${e.label}`, label: e.label, module: e.module, data: e.data ?? {}, category: e.category, description: info.description });
  }
  for (const info of modules.values()) {
    if (info.category === 'basic' || info.category === 'advanced') continue;
    const actions = info.schema.properties?.action?.enum?.filter((a): a is string => typeof a === 'string') ?? [];
    if (info.module === 'temporal_route' || actions.length === 0) {
      entries.push({ id: `${info.category}:${info.module}`, label: info.module === 'temporal_route' ? 'Time of Day' : info.title, module: info.module, data: {}, category: info.category, description: info.description });
    }
    for (const action of actions) {
      const label = ACTION_LABELS[`${info.module}:${action}`] ?? `${info.title}: ${action}`;
      entries.push({ id: `${info.category}:${info.module}:${action}`, label, module: info.module, data: { action }, category: info.category, description: info.description });
    }
  }
  for (const info of [...modules.values()].sort((a, b) => byName(a.title, b.title))) {
    entries.push({ id: `all:${info.module}`, label: info.title, module: info.module, data: {}, category: 'all', description: info.description });
  }
  return entries;
}

/**
 * The palette entry a node is an instance of, for its label: the entry of its module whose starting data the node
 * has, the most specific first (a voicemail with `action: check` is "Check Voicemail"). KAZOO's "Conference
 * Service" is a conference without an id.
 */
export function entryFor(palette: PaletteEntry[], module: string, data: JsonObject): PaletteEntry | undefined {
  const candidates = byModule(palette).get(module) ?? [];
  const fits = candidates.filter((e) => Object.entries(e.data).every(([k, v]) => data[k] === v));
  if (module === 'conference') return fits.find((e) => (data.id ? e.label === 'Conference' : e.label === 'Conference Service')) ?? fits[0];
  return fits.sort((a, b) => Object.keys(b.data).length - Object.keys(a.data).length)[0];
}

const indexes = new WeakMap<PaletteEntry[], Map<string, PaletteEntry[]>>();

/** The category entries of each module (not "All actions"), indexed once per palette. */
function byModule(palette: PaletteEntry[]): Map<string, PaletteEntry[]> {
  let index = indexes.get(palette);
  if (!index) {
    index = new Map();
    for (const e of palette) {
      if (e.category === 'all') continue;
      index.set(e.module, [...(index.get(e.module) ?? []), e]);
    }
    indexes.set(palette, index);
  }
  return index;
}

export function actionLabel(palette: PaletteEntry[], modules: Map<string, ModuleInfo>, module: string, data: JsonObject): string {
  return entryFor(palette, module, data)?.label ?? modules.get(module)?.title ?? module;
}

/** Case-insensitive search over labels, module names and descriptions. */
export function searchPalette(entries: PaletteEntry[], text: string): PaletteEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((e) => {
    const haystack = `${e.label} ${e.module.replace(/_/g, ' ')} ${e.description}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** The icon of each module; modules without their own use their category's. */
const MODULE_ICONS: Record<string, IconName> = {
  user: 'user', device: 'device', ring_group: 'users', group: 'users', page_group: 'speaker', voicemail: 'voicemail',
  menu: 'keypad', play: 'music', tts: 'message', conference: 'conference', conference_feature: 'conference',
  callflow: 'flow', temporal_route: 'clock', offnet: 'globe', resources: 'globe', faxbox: 'fax', receive_fax: 'fax',
  fax_detect: 'fax', directory: 'book', webhook: 'link', pivot: 'code', function: 'code', hangup: 'phoneOff',
  response: 'phoneOff', transfer: 'forward', call_forward: 'forward', do_not_disturb: 'moon', hotdesk: 'desk',
  ring_group_toggle: 'toggle', record_call: 'record', record_caller: 'record', dynamic_cid: 'idCard',
  prepend_cid: 'idCard', set_cid: 'idCard', check_cid: 'filter', cidlistmatch: 'filter', lookupcidname: 'idCard',
  route_to_cid: 'idCard', sleep: 'timer', wait_for_hangup: 'timer', dead_air: 'timer', language: 'message',
  branch_variable: 'branch', branch_bnumber: 'branch', set_variables: 'variable', set_variable: 'variable',
  set: 'variable', collect_dtmf: 'keypad', send_dtmf: 'keypad', flush_dtmf: 'keypad', disa: 'lock', park: 'parking',
  missed_call_alert: 'bell', notification: 'bell', manual_presence: 'eye', set_alert_info: 'bell',
  group_pickup: 'phone', group_pickup_feature: 'phone', intercom: 'speaker', eavesdrop: 'ear',
  eavesdrop_feature: 'ear', intercept: 'phone', intercept_feature: 'phone', answer: 'phone', privacy: 'eyeOff',
  nomorobo: 'filter', move: 'forward', camping_feature: 'refresh', call_waiting: 'phone', after_bridge: 'forward',
  audio_macro: 'music', edr: 'list', noop: 'dots',
};

const CATEGORY_ICONS: Record<string, IconName> = {
  time_of_day: 'clock', hotdesk: 'desk', do_not_disturb: 'moon', caller_id: 'idCard', call_recording: 'record',
  call_forward: 'forward', ring_group_toggle: 'toggle',
};

export function moduleIcon(module: string, category?: string): IconName {
  return MODULE_ICONS[module] ?? (category ? CATEGORY_ICONS[category] : undefined) ?? 'sliders';
}
