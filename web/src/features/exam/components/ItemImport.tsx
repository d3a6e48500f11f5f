/** Item import (XLSX/CSV, all or nothing) with the server's per-row report. */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { UploadProgress } from '../../recruitment/components/bits.tsx';
import { examApi, type ImportReport } from '../api.ts';
import { TableWrap } from '../../../ui/TableWrap.tsx';
import '../i18n.ts';

export function ItemImport() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const r = await examApi.importItems(file, setPercent);
      setReport(r);
      if (r.ok) void qc.invalidateQueries({ queryKey: ['cat', 'bank'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setPercent(null);
    }
  };
  const rows = report?.report.filter((r) => !report.ok || r.status !== 'unchanged') ?? [];
  return (
    <form
      className="card form"
      noValidate
      aria-labelledby="import-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="import-title">{t('cat.bank.importTitle')}</h2>
      <p className="small">{t('cat.bank.importLead')}</p>
      <div className="field">
        <label htmlFor={inputId}>{t('cat.bank.importFile')}</label>
        <input
          id={inputId}
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      {percent !== null ? <UploadProgress percent={percent} label={`${percent}%`} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {report ? (
        report.ok ? (
          <Alert tone="success">
            {t('cat.bank.importOk', { created: report.created, updated: report.updated, unchanged: report.unchanged })}
          </Alert>
        ) : (
          <Alert tone="error">{t('cat.bank.importBad')}</Alert>
        )
      ) : null}
      {rows.length > 0 ? (
        <TableWrap label={t('cat.bank.importTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cat.bank.reportLine')}</th>
                <th scope="col">{t('cat.bank.reportStatus')}</th>
                <th scope="col">{t('cat.bank.reportProblems')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.line} className={r.status === 'error' ? 'cat-report-error' : undefined}>
                  <td className="num">{r.line}</td>
                  <td>{r.status === 'error' ? `⚠ ${r.status}` : r.status}</td>
                  <td>
                    {r.problems.map((p) => (
                      <div key={`${p.field}-${p.message}`}>
                        <span className="mono">{p.field}</span>: {p.message}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <button type="submit" className="btn btn--primary" disabled={busy || !file}>
        {t('cat.bank.importSubmit')}
      </button>
    </form>
  );
}
