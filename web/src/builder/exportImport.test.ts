import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentsToImport, exportBundle } from './exportImport';

const example = JSON.parse(readFileSync(new URL('../../../../shared/reference/kazoo-examples/02_route_to_cid_pattern.json', import.meta.url), 'utf8'));

describe('export and import files', () => {
  it('exports in the import format, without the server-added metadata', () => {
    const bundle = exportBundle([{ id: 'a', name: 'Main', metadata: { x: {} }, numbers: ['1'], flow: { module: 'user', data: {} } }]);
    expect(bundle.documents).toEqual([{ id: 'a', name: 'Main', numbers: ['1'], flow: { module: 'user', data: {} }, pvt_type: 'callflow' }]);
    expect(documentsToImport(JSON.parse(JSON.stringify(bundle)))).toEqual(bundle.documents);
  });

  it('takes a KAZOO document as KAZOO stores it, a Crossbar answer, or a list', () => {
    expect(documentsToImport(example)).toEqual([example]);
    expect(documentsToImport({ data: [example], status: 'success' })).toEqual([example]);
    expect(documentsToImport({ data: example })).toEqual([example]);
    expect(documentsToImport([example, example])).toHaveLength(2);
  });

  it('refuses a file without documents', () => {
    expect(() => documentsToImport('text')).toThrow(/no JSON object/);
    expect(() => documentsToImport([1, 2])).toThrow(/no document/);
  });
});
