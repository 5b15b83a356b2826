import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../api/ApiError';
import { request } from '../api/client';
import { parseFieldErrors } from '../api/envelope';
import { useAccountId } from '../api/queries';
import { documentsToImport, importReportSchema, type ImportReport } from '../builder/exportImport';
import type { JsonObject } from '../forms/jsonSchema';
import { Link } from '../router/router';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';

/** Import callflows (and the documents they use) from a JSON file: ours, or KAZOO's; then a report per document. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const accountId = useAccountId();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const [documents, setDocuments] = useState<JsonObject[] | null>(null);

  const read = (json: string) => {
    setText(json);
    setDocuments(null);
    if (!json.trim()) {
      setParseError(null);
      return;
    }
    try {
      setDocuments(documentsToImport(JSON.parse(json)));
      setParseError(null);
    } catch (e) {
      setParseError(e instanceof SyntaxError ? `Not valid JSON: ${e.message}` : describeError(e));
    }
  };

  const upload = useMutation({
    mutationFn: async (docs: JsonObject[]) =>
      (await request('PUT', `/accounts/${accountId}/import`, importReportSchema, { body: { documents: docs } })).data,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['collection', accountId] }),
  });

  const report = upload.data;
  return (
    <Dialog
      wide
      title="Import callflows"
      onClose={onClose}
      footer={report ? <button type="button" className="btn btn-primary" onClick={onClose}>Done</button> : (
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" disabled={!documents || upload.isPending} onClick={() => documents && upload.mutate(documents)}>
            <Icon name="upload" size={14} />{upload.isPending ? 'Importing…' : `Import ${documents?.length ?? ''} document${documents?.length === 1 ? '' : 's'}`}
          </button>
        </>
      )}
    >
      {report ? <ImportReportView report={report} documents={documents ?? []} /> : (
        <>
          <p className="muted">
            A file exported here, a KAZOO callflow as KAZOO stores it (<code>_id</code>, <code>pvt_type</code>), or a list
            of such documents. Documents with an id that exists are replaced; the others are created.
          </p>
          <label className="btn" style={{ alignSelf: 'flex-start' }}>
            <Icon name="upload" size={14} />Choose a file
            <input type="file" accept="application/json,.json" className="visually-hidden" name="import-file"
              onChange={async (e) => { const file = e.target.files?.[0]; if (file) read(await file.text()); }} />
          </label>
          <label className="field">
            <span className="field-label">Or paste JSON</span>
            <textarea className="textarea" name="import-json" rows={10} value={text} onChange={(e) => read(e.target.value)} aria-invalid={Boolean(parseError)} />
          </label>
          {parseError && <span className="field-error" role="alert">{parseError}</span>}
          {documents && <span className="subtle">{documents.length} document{documents.length === 1 ? '' : 's'} ready to import.</span>}
          {upload.error && <div className="banner banner-danger" role="alert"><Icon name="alert" />{describeError(upload.error)}</div>}
        </>
      )}
    </Dialog>
  );
}

function ImportReportView({ report, documents }: { report: ImportReport; documents: JsonObject[] }) {
  return (
    <div className="stack">
      <div className="row" role="status">
        <span className="badge badge-success">{report.created} created</span>
        <span className="badge badge-accent">{report.updated} replaced</span>
        <span className={`badge${report.rejected > 0 ? ' badge-danger' : ''}`}>{report.rejected} rejected</span>
      </div>
      <table className="report-table">
        <thead><tr><th>#</th><th>Document</th><th>Type</th><th>Result</th></tr></thead>
        <tbody>
          {report.documents.map((row) => {
            const doc = documents[row.index] ?? {};
            const name = typeof doc.name === 'string' ? doc.name : row.id ?? '(no id)';
            const errors = parseFieldErrors(row.errors);
            return (
              <tr key={row.index} className={row.status === 'rejected' ? 'is-rejected' : undefined}>
                <td>{row.index + 1}</td>
                <td>{row.type === 'callflow' && row.id && row.status !== 'rejected' ? <Link to={`/callflows/${row.id}`}>{name}</Link> : name}</td>
                <td>{row.type ?? '?'}</td>
                <td>
                  {row.status === 'rejected' ? (
                    <span className="field-error">
                      {Object.entries(errors).map(([path, list]) => `${path}: ${list.map((e) => e.message).join(', ')}`).join('; ') || row.message || 'rejected'}
                    </span>
                  ) : row.status === 'created' ? 'Created' : 'Replaced'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
