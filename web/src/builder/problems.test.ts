import { describe, expect, it } from 'vitest';
import { nodePathOf, sortProblems } from './problems';

describe('server problems on the canvas', () => {
  it('finds the node a path points into', () => {
    expect(nodePathOf('flow.children.1.data.timeout')).toBe('flow.children.1');
    expect(nodePathOf('flow.data.id')).toBe('flow');
    expect(nodePathOf('flow.children._.children.USER_BUSY.module')).toBe('flow.children._.children.USER_BUSY');
    expect(nodePathOf('numbers')).toBeNull();
  });

  it('puts field errors on their node (relative to its data) and document errors apart', () => {
    const sorted = sortProblems({
      'flow.children.1.data.timeout': [{ code: 'type', message: 'Value did not match type(s): integer' }],
      numbers: [{ code: 'unique', message: 'Number 2001 exists in callflow x' }],
    }, [{ path: 'flow.children._.data.id', code: 'not_found', message: 'vmboxes missing does not exist' }]);
    expect(sorted.errors.get('flow.children.1')).toEqual({ timeout: [{ code: 'type', message: 'Value did not match type(s): integer' }] });
    expect(sorted.document.numbers[0].code).toBe('unique');
    expect(sorted.warnings.get('flow.children._')).toEqual(['vmboxes missing does not exist']);
  });
});
