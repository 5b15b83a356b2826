/**
 * The account collections the UI reads and writes, with the words people use for them. `label` names one document,
 * `plural` the page. `display` picks the field that names a document in lists and pickers.
 */
export type CollectionInfo = { name: string; label: string; plural: string; schema: string };

export const COLLECTIONS: Record<string, CollectionInfo> = {
  callflows: { name: 'callflows', label: 'Callflow', plural: 'Callflows', schema: 'callflows' },
  users: { name: 'users', label: 'User', plural: 'Users', schema: 'users' },
  devices: { name: 'devices', label: 'Device', plural: 'Devices', schema: 'devices' },
  vmboxes: { name: 'vmboxes', label: 'Voicemail box', plural: 'Voicemail boxes', schema: 'vmboxes' },
  media: { name: 'media', label: 'Media', plural: 'Media', schema: 'media' },
  menus: { name: 'menus', label: 'Menu', plural: 'Menus', schema: 'menus' },
  temporal_rules: { name: 'temporal_rules', label: 'Time of day rule', plural: 'Time of day rules', schema: 'temporal_rules' },
  temporal_rules_sets: { name: 'temporal_rules_sets', label: 'Time of day set', plural: 'Time of day sets', schema: 'temporal_rules_sets' },
  groups: { name: 'groups', label: 'Group', plural: 'Groups', schema: 'groups' },
  conferences: { name: 'conferences', label: 'Conference', plural: 'Conferences', schema: 'conferences' },
  directories: { name: 'directories', label: 'Directory', plural: 'Directories', schema: 'directories' },
  faxboxes: { name: 'faxboxes', label: 'Fax box', plural: 'Fax boxes', schema: 'faxbox' },
  resources: { name: 'resources', label: 'Carrier', plural: 'Carriers', schema: 'resources' },
  lists: { name: 'lists', label: 'List', plural: 'Lists', schema: 'lists' },
  webhooks: { name: 'webhooks', label: 'Webhook', plural: 'Webhooks', schema: 'webhooks' },
};

export function collectionInfo(name: string): CollectionInfo {
  return COLLECTIONS[name] ?? { name, label: name, plural: name, schema: name };
}

/** The name people know a document by: a user's full name, else its name, else its number, else its id. */
export function displayName(doc: Record<string, unknown>): string {
  const first = typeof doc.first_name === 'string' ? doc.first_name : '';
  const last = typeof doc.last_name === 'string' ? doc.last_name : '';
  const full = `${first} ${last}`.trim();
  if (full) return full;
  if (typeof doc.name === 'string' && doc.name) return doc.name;
  if (Array.isArray(doc.numbers) && doc.numbers.length > 0) return doc.numbers.join(', ');
  if (typeof doc.mailbox === 'string') return `Mailbox ${doc.mailbox}`;
  return typeof doc.id === 'string' ? doc.id : '(unnamed)';
}
