import { describe, expect, it } from 'vitest';
import { fromCallflow, uidAtPath } from '../model/tree';
import { describeEvent, highlightPath, traceResponseSchema } from './trace';

const flow = fromCallflow({
  flow: { module: 'menu', data: {}, children: { 1: { module: 'user', data: { id: 'u' }, children: { _: { module: 'voicemail', data: {}, children: {} } } }, 2: { module: 'play', data: {}, children: {} } } },
});

describe('simulation traces on the canvas', () => {
  it('numbers the nodes the call went through and lights the edges into them', () => {
    const trace = traceResponseSchema.parse({
      callflow_id: null,
      steps: [
        { t_ms: 0, module: 'menu', path: 'flow', next: '1', events: ['answer', 'collect:1'] },
        { t_ms: 2000, module: 'user', path: 'flow.children.1', next: '_', events: ['bridge:u:busy'] },
        { t_ms: 22000, module: 'voicemail', path: 'flow.children.1.children._', next: null, events: ['hangup:NORMAL_CLEARING'] },
      ],
      result: { end: 'hangup', cause: 'NORMAL_CLEARING' },
    });
    const lit = highlightPath(flow, trace, null);
    const vm = uidAtPath(flow, 'flow.children.1.children._')!;
    expect(lit.steps.get(flow.root!)).toEqual([1]);
    expect(lit.steps.get(vm)).toEqual([3]);
    expect(lit.last).toBe(vm);
    expect(lit.edges.has(uidAtPath(flow, 'flow.children.2')!)).toBe(false);
  });

  it('reads a trace wrapped in `trace`, and counts steps of another callflow instead of drawing them', () => {
    const wrapped = traceResponseSchema.parse({ trace: { callflow_id: 'other', steps: [{ t_ms: 0, module: 'menu', path: 'flow', next: null, events: [] }] } });
    const lit = highlightPath(flow, wrapped, 'mine');
    expect(lit.steps.size).toBe(0);
    expect(lit.elsewhere).toBe(1);
  });

  it('puts engine events in words', () => {
    expect(describeEvent('collect:1').text).toBe('Collected “1”');
    expect(describeEvent('bridge:u1:busy', (id) => (id === 'u1' ? 'Alice' : undefined)).text).toBe('Dialled Alice: busy');
    expect(describeEvent('hangup:USER_BUSY').text).toBe('Hung up: busy');
    expect(describeEvent('play:prompt:menu-no_prompt').text).toBe('Played prompt “menu-no_prompt”');
  });
});
