import { z } from 'zod';
import type { IconName } from '../../ui/Icon';
import { uidAtPath, type FlowState } from '../model/tree';

/** One step of a call: when, which node (`flow.children.1`), which child it went to, and what happened. */
export const stepSchema = z.looseObject({
  t_ms: z.number(),
  module: z.string(),
  path: z.string().nullish(),
  next: z.string().nullish(),
  events: z.array(z.string()).default([]),
});
export type Step = z.infer<typeof stepSchema>;

export const traceSchema = z.looseObject({
  callflow_id: z.string().nullish(),
  steps: z.array(stepSchema),
  result: z.looseObject({ end: z.string().nullish(), cause: z.string().nullish(), answered_by: z.string().nullish() }).nullish(),
});
export type Trace = z.infer<typeof traceSchema>;

/** The simulate answer, and a real call's trace, which has its shape (alone or under `trace`). */
export const traceResponseSchema = z.union([traceSchema, z.looseObject({ trace: traceSchema }).transform((t) => t.trace)]);

export type PathHighlight = {
  /** Node uid → the 1-based numbers of the steps that ran it. */
  steps: Map<string, number[]>;
  /** Nodes reached through the edge into them. */
  edges: Set<string>;
  last: string | null;
  /** Steps whose node is not on this canvas (in another callflow the call branched to). */
  elsewhere: number;
};

/** Where a trace went on the drawn flow. Steps in other callflows (after a branch) are counted, not drawn. */
export function highlightPath(state: FlowState, trace: Trace, drawnCallflowId: string | null): PathHighlight {
  const steps = new Map<string, number[]>();
  const edges = new Set<string>();
  let last: string | null = null;
  let elsewhere = 0;
  let inThisFlow = trace.callflow_id == null || drawnCallflowId === null || trace.callflow_id === drawnCallflowId;
  trace.steps.forEach((step, index) => {
    const uid = inThisFlow && step.path ? uidAtPath(state, step.path) : undefined;
    if (!uid) {
      elsewhere++;
      return;
    }
    steps.set(uid, [...(steps.get(uid) ?? []), index + 1]);
    edges.add(uid);
    last = uid;
    // a callflow action hands the call to another document: later paths are that one's
    if (step.module === 'callflow' && step.next === null) inThisFlow = false;
  });
  return { steps, edges, last, elsewhere };
}

const CAUSES: Record<string, string> = {
  NORMAL_CLEARING: 'the call ended normally',
  USER_BUSY: 'busy',
  NO_ANSWER: 'no answer',
  CALL_REJECTED: 'rejected',
  ORIGINATOR_CANCEL: 'the caller hung up',
  UNALLOCATED_NUMBER: 'number does not exist',
  NO_ROUTE_DESTINATION: 'no route',
};

export function describeCause(cause: string | null | undefined): string {
  if (!cause) return '';
  return CAUSES[cause] ?? cause.toLowerCase().replace(/_/g, ' ');
}

/** An engine event (`play:prompt:menu-greeting`, `collect:1`, `bridge:<id>:busy`) in words. */
export function describeEvent(event: string, nameOf: (id: string) => string | undefined = () => undefined): { icon: IconName; text: string } {
  const [kind, ...rest] = event.split(':');
  const detail = rest.join(':');
  const named = (id: string) => nameOf(id) ?? id;
  switch (kind) {
    case 'answer': return { icon: 'phone', text: 'Answered the call' };
    case 'ringing': return { icon: 'bell', text: 'Ringing' };
    case 'early_media': return { icon: 'speaker', text: 'Early media' };
    case 'play': return { icon: 'speaker', text: `Played ${describeMedia(detail, named)}` };
    case 'say': return { icon: 'message', text: `Said ${rest.slice(1).join(':')} (${rest[0]})` };
    case 'collect': return { icon: 'keypad', text: detail ? `Collected “${detail}”` : 'Collected nothing (timeout)' };
    case 'dtmf': return { icon: 'keypad', text: `Caller pressed ${detail}` };
    case 'record': return { icon: 'record', text: `Recorded ${(Number(detail) / 1000).toFixed(1)} s` };
    case 'bridge': {
      const [id, outcome] = rest;
      if (id === 'none') return { icon: 'phoneOff', text: `Nobody to ring (${describeCause(outcome)})` };
      return { icon: 'phone', text: `Dialled ${named(id)}: ${outcome?.replace(/_/g, ' ')}` };
    }
    case 'conference': return { icon: 'conference', text: `Joined conference ${named(detail)}` };
    case 'hold': return { icon: 'music', text: 'On hold' };
    case 'hold_end': return { icon: 'music', text: `Hold ended (${detail})` };
    case 'transfer': return { icon: 'forward', text: `Transferred to ${detail}` };
    case 'respond': return { icon: 'phoneOff', text: `Answered with SIP ${detail}` };
    case 'hangup': return { icon: 'phoneOff', text: `Hung up: ${describeCause(detail)}` };
    case 'pause': return { icon: 'timer', text: `Waited ${(Number(detail) / 1000).toFixed(1)} s` };
    case 'language': return { icon: 'message', text: `Language set to ${detail}` };
    case 'caller_id': return { icon: 'idCard', text: `Caller ID set to ${detail}` };
    case 'fax': return { icon: 'fax', text: `Fax ${detail.replace(/_/g, ' ')}` };
    case 'fax_detect': return { icon: 'fax', text: `Detected ${detail}` };
    case 'send_dtmf': return { icon: 'keypad', text: `Sent digits ${detail}` };
    case 'skipped': return { icon: 'eyeOff', text: 'Skipped (disabled)' };
    case 'temporal': return { icon: 'clock', text: `Time of day: ${rest.map((r) => named(r)).join(' ')}` };
    case 'menu': return { icon: 'keypad', text: rest[0] === 'not_found' ? 'The menu document was not found; default prompts used' : `Menu: ${rest.filter(Boolean).join(' ')}` };
    default: return { icon: 'info', text: event.replace(/:/g, ' · ') };
  }
}

function describeMedia(detail: string, named: (id: string) => string): string {
  const [kind, ...rest] = detail.split(':');
  const value = rest.join(':');
  if (kind === 'prompt') return `prompt “${value}”`;
  if (kind === 'media') return `“${named(value)}”`;
  if (kind === 'tts') return `speech “${value}”`;
  if (kind === 'url') return value;
  return detail;
}
