import type { Doc } from '../../api/types';
import { GREGORIAN_UNIX_OFFSET } from '../temporal/calendar';

export const FOLDERS = ['new', 'saved', 'deleted'] as const;
export type Folder = (typeof FOLDERS)[number];

export type Message = {
  id: string;
  folder: Folder;
  caller: string;
  number?: string;
  /** epoch ms */
  receivedAt?: number;
  /** seconds */
  seconds?: number;
};

/** A mailbox_message document as the list shows it; KAZOO's timestamp is Gregorian seconds and its length ms. */
export function toMessage(doc: Doc): Message {
  const name = typeof doc.caller_id_name === 'string' && doc.caller_id_name ? doc.caller_id_name : undefined;
  const number = typeof doc.caller_id_number === 'string' && doc.caller_id_number ? doc.caller_id_number : undefined;
  const folder = (FOLDERS as readonly string[]).includes(String(doc.folder)) ? (doc.folder as Folder) : 'new';
  return {
    id: doc.id,
    folder,
    caller: name ?? number ?? 'Unknown caller',
    number: name ? number : undefined,
    receivedAt: typeof doc.timestamp === 'number' ? (doc.timestamp - GREGORIAN_UNIX_OFFSET) * 1000 : undefined,
    seconds: typeof doc.length === 'number' ? Math.round(doc.length / 1000) : undefined,
  };
}

export function countByFolder(messages: Message[]): Record<Folder, number> {
  const counts: Record<Folder, number> = { new: 0, saved: 0, deleted: 0 };
  for (const m of messages) counts[m.folder]++;
  return counts;
}

export function duration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
