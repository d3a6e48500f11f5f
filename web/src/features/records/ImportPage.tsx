/**
 * /riwayat/impor — BKPSDM imports education and competency history from XLSX/CSV: download the
 * template, check the sheet (a report per row in Indonesian), then import every row or none.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { UploadProgress } from '../recruitment/components/bits.tsx';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type RecordImport, recordsApi, type SheetKind } from './api.ts';
import { ImportReport } from './components.tsx';
import './i18n.ts';

/** One sheet's panel: templates, the file, "check", then "import" once the check is clean. */
function SheetPanel({ kind }: { kind: SheetKind }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fileId = useId();
  const titleId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<RecordImport | null>(null);
  const run = useMutation({
    mutationFn: (commit: boolean) => recordsApi.importSheet(kind, file!, commit, setPercent),
    onSuccess: (r) => {
      setResult(r);
      if (r.committed) void qc.invalidateQueries({ queryKey: ['records'] });
    },
    onSettled: () => setPercent(null),
  });
  const check = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    if (file) run.mutate(false);
  };
  const count = result ? result.counts.new + result.counts.update : 0;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`records.sheet.${kind}.title`)}</h2>
      <p className="small">{t(`records.sheet.${kind}.lead`)}</p>
      <p className="actions">
        {(['xlsx', 'csv'] as const).map((f) => (
          <a key={f} className="btn btn--secondary btn--small" href={recordsApi.templateUrl(kind, f)} download>
            {t('records.sheet.template', { format: f.toUpperCase() })}
          </a>
        ))}
      </p>
      <form className="form" noValidate onSubmit={check} aria-labelledby={titleId}>
        <div className="field">
          <label htmlFor={fileId}>{t('records.sheet.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
              run.reset();
            }}
          />
        </div>
        <div className="actions">
          <button type="submit" className="btn btn--secondary" disabled={!file || run.isPending}>
            {t('records.sheet.check')}
          </button>
          {result?.ok && !result.committed ? (
            <button
              type="button"
              className="btn btn--primary"
              disabled={run.isPending}
              onClick={() => run.mutate(true)}
            >
              {t('records.sheet.commit', { count })}
            </button>
          ) : null}
        </div>
        {percent !== null ? (
          <UploadProgress percent={percent} label={t('records.sheet.checking', { percent })} />
        ) : null}
        {run.isError ? <ErrorAlert error={run.error} /> : null}
      </form>
      <div aria-live="polite">{result ? <ImportReport result={result} /> : null}</div>
    </section>
  );
}

export function RecordsImportPage() {
  const { t } = useTranslation();
  return (
    <RequireAuth roles={['admin', 'training_admin']}>
      {() => (
        <>
          <PageTitle title={t('records.sheet.pageTitle')} lead={t('records.sheet.pageLead')}>
            {t('records.sheet.pageTitle')}
          </PageTitle>
          <SheetPanel kind="education" />
          <SheetPanel kind="competency" />
        </>
      )}
    </RequireAuth>
  );
}
