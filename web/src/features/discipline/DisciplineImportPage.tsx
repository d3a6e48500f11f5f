/** /disiplin/impor — BKPSDM imports punishments from a sheet: check first (a report per row), then every row or none. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { UploadProgress } from '../recruitment/components/bits.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type DisciplineImport, disciplineApi } from './api.ts';
import { useLang } from './components.tsx';
import './i18n.ts';

type Row = DisciplineImport['report'][number];

function Report({ result }: { result: DisciplineImport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const summary = result.committed
    ? t('disc.import.done', result.counts)
    : result.ok
      ? t('disc.import.okSummary', result.counts)
      : t('disc.import.badSummary', result.counts);
  const rows = result.ok ? result.report.slice(0, 200) : result.report.filter((r) => r.status === 'error');
  const columns: Column<Row>[] = [
    {
      key: 'line',
      header: t('disc.import.line'),
      className: 'num',
      rowHeader: true,
      cell: (r) => (r.line <= 1 && r.nip === null ? t('disc.import.fileLevel') : r.line),
    },
    { key: 'nip', header: t('disc.import.nip'), className: 'mono', cell: (r) => r.nip ?? '—' },
    {
      key: 'result',
      header: t('disc.import.result'),
      cell: (r) => (
        <span className={`badge ${r.status === 'error' ? 'badge--warn' : 'badge--ok'}`}>
          {t(`disc.import.${r.status}`)}
        </span>
      ),
    },
    {
      key: 'problems',
      header: t('disc.import.problems'),
      cell: (r) =>
        r.problems.length > 0 ? (
          <ul className="plain">
            {r.problems.map((p, i) => (
              <li key={i}>{p[lang]}</li>
            ))}
          </ul>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <>
      <Alert tone={result.ok ? 'success' : 'error'}>
        <p>{summary}</p>
      </Alert>
      <DataTable
        label={t('disc.import.report')}
        caption={t('disc.import.report')}
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(r) => `${r.line}-${r.nip ?? ''}`}
      />
    </>
  );
}

function ImportPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<DisciplineImport | null>(null);
  const run = useMutation({
    mutationFn: (commit: boolean) => disciplineApi.importSheet(file!, commit, setPercent),
    onSuccess: (r) => {
      setResult(r);
      if (r.committed) void qc.invalidateQueries({ queryKey: ['disc'] });
    },
    onSettled: () => setPercent(null),
  });
  const check = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    if (file) run.mutate(false);
  };
  return (
    <section className="card" aria-labelledby="disc-import-title">
      <h2 id="disc-import-title">{t('disc.import.title')}</h2>
      <p className="small">{t('disc.import.lead')}</p>
      <p className="actions">
        {(['xlsx', 'csv'] as const).map((f) => (
          <a key={f} className="btn btn--secondary btn--small" href={disciplineApi.templateUrl(f)} download>
            {t('disc.import.template', { format: f.toUpperCase() })}
          </a>
        ))}
      </p>
      <form className="form" noValidate onSubmit={check} aria-labelledby="disc-import-title">
        <div className="field">
          <label htmlFor={fileId}>{t('disc.import.file')}</label>
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
            {t('disc.import.check')}
          </button>
          {result?.ok && !result.committed ? (
            <button
              type="button"
              className="btn btn--primary"
              disabled={run.isPending}
              onClick={() => run.mutate(true)}
            >
              {t('disc.import.commit', { count: result.counts.valid })}
            </button>
          ) : null}
        </div>
        {percent !== null ? <UploadProgress percent={percent} label={t('disc.import.checking', { percent })} /> : null}
        {run.isError ? <ErrorAlert error={run.error} /> : null}
      </form>
      {result ? <Report result={result} /> : null}
    </section>
  );
}

export function DisciplineImportPage() {
  const { t } = useTranslation();
  return (
    <RequireAuth roles={['admin', 'training_admin']}>
      {() => (
        <>
          <PageTitle title={t('disc.import.title')}>{t('disc.import.title')}</PageTitle>
          <p>
            <Link to="/disiplin">{t('disc.form.back')}</Link>
          </p>
          <ImportPanel />
        </>
      )}
    </RequireAuth>
  );
}
